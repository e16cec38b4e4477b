package dev.gantry.api;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.secrets.VaultSealedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every API error is an RFC 9457 problem document that says what was wrong and where ({@code field}), so a CI
 * script can print something a person can act on. Nothing was changed when one of these is returned.
 */
@RestControllerAdvice(basePackages = "dev.gantry.api")
class ApiErrors {

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), e.field());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), e.field());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail denied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden",
                "Your token's scopes or your roles do not allow this request", null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The body is not the JSON this endpoint expects: " + firstLine(cause.getMessage()), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Missing parameter",
                "The query parameter '" + e.getParameterName() + "' is required", e.getParameterName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "'" + e.getValue() + "' is not a valid value for " + e.getName(), e.getName());
    }

    @ExceptionHandler(VaultSealedException.class)
    ProblemDetail sealed(VaultSealedException e) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Vault sealed",
                "The vault is sealed, so no secret can be read or written until it is unsealed. A secrets "
                        + "administrator unseals it in the portal under Vault seal, or with POST "
                        + "/api/v1/secrets/unseal: one share per call until the threshold is reached, or an empty "
                        + "body when the vault unseals from its key file.", null);
        problem.setProperty("sealed", true);
        return problem;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, String field) {
        return ApiProblems.of(status, title, detail, field);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
