package dev.gantry.api.secrets;

import dev.gantry.api.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An unreadable body sent to the vault may hold a secret value or an unseal share: the parser's message can
 * quote part of it, so it is neither echoed nor logged here, unlike elsewhere in the API.
 */
@RestControllerAdvice(assignableTypes = {SecretsController.class, VaultSealController.class, VaultTokensController.class,
        SecretPoliciesController.class, SecretRotationController.class, SealedExportController.class,
        RepositoryScansController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecretsApiErrors {

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ApiProblems.of(HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The body is not the JSON this endpoint expects, e.g. {\"value\": \"...\", \"cas\": 3} to write, "
                        + "{\"versions\": [2]} to delete, {\"share\": \"...\"} to unseal", null);
    }
}
