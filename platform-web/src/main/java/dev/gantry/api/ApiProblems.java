package dev.gantry.api;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one shape of every API error (RFC 9457), for the advice in this package and those of feature APIs. */
public final class ApiProblems {

    private ApiProblems() {
    }

    /** @param field the request field that was wrong, so a script can point at it; null if none */
    public static ProblemDetail of(HttpStatus status, String title, String detail, @Nullable String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://gantry.dev/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-')));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
