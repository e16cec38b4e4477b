package dev.gantry.secrets.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTests {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            payments/api/prod/db-password  | payments/api/prod/db-password | true
            payments/api/prod/db-password  | payments/api/prod/db-passwore | false
            payments/api/prod/db-password  | Payments/api/prod/db-password | false
            payments/*/prod/db-password    | payments/api/prod/db-password | true
            payments/*/prod/db-password    | payments/web/prod/db-password | true
            payments/*/prod/db-password    | payments/api/dev/db-password  | false
            */*/prod/*                     | billing/api/prod/key          | true
            */*/prod/*                     | billing/api/dev/key           | false
            payments/**                    | payments/api/prod/db-password | true
            payments/**                    | paymentsx/api/prod/key        | false
            payments/**                    | billing/api/prod/key          | false
            payments/*                     | payments/api/prod/db-password | true
            payments/*                     | billing/api/prod/db-password  | false
            payments/api/**                | payments/api/dev/key          | true
            payments/api/**                | payments/web/dev/key          | false
            payments/api/prod/*            | payments/api/prod/anything    | true
            payments/api/prod/db-*         | payments/api/prod/db-password | true
            payments/api/prod/db-*         | payments/api/prod/api-key     | false
            payments/ap*                   | payments/api/prod/key         | true
            payments/ap*                   | payments/apx-gw/dev/key       | true
            payments/ap*                   | payments/web/prod/key         | false
            pay*                           | payroll/hr/prod/key           | true
            pay*                           | billing/hr/prod/key           | false
            *                              | billing/api/prod/key          | true
            **                             | billing/api/prod/key          | true
            */api/*/*                      | billing/api/prod/key          | true
            */api/*/*                      | billing/web/prod/key          | false
            """)
    void aGlobMatchesExactlyThePathsItsDocumentedSemanticsSay(String glob, String path, boolean matches) {
        assertThat(PathGlob.parse("glob", glob).matches(path)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                        | must not be empty
            payments//prod/x          | no empty segments
            /payments/**              | no empty segments
            payments/**/prod/x        | ** may only end a glob
            payments/api-*/prod/x     | * stands for a whole segment
            payments/api/prod/d*b     | * stands for a whole segment
            payments/api/prod         | matches no secret
            payments/api/prod/x/y     | matches no secret
            payments/api/prod/x/**    | matches no secret
            payments/a b/prod/x       | letters, digits
            payments/../prod/x        | letters, digits
            payments/ä/prod/x         | letters, digits
            """)
    void aGlobThatCouldNeverWorkIsRefusedNamingTheFieldAndTheReason(String glob, String reason) {
        assertThatThrownBy(() -> PathGlob.parse("rules[3].pathGlob", glob))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("rules[3].pathGlob");
    }

    @org.junit.jupiter.api.Test
    void aGlobPrintsAsWritten() {
        assertThat(PathGlob.parse("glob", " payments/*/prod/** ")).hasToString("payments/*/prod/**");
    }
}
