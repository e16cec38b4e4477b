package dev.gantry.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The OpenAPI description of {@code /api/v1}, generated from the controllers and served at
 * {@code /api/v1/openapi} (JSON) and {@code /api/v1/openapi.yaml}. Each operation names the token scope its
 * {@code @PreAuthorize} requires, read from the annotation itself so the description cannot drift from the check.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    private static final Pattern SCOPE = Pattern.compile("SCOPE_([a-z]+:[a-z]+)");
    private static final Pattern ROLE = Pattern.compile("hasRole\\('([A-Z_]+)'\\)");

    @Bean
    OpenAPI gantryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Gantry API").version("v1").description("""
                        Every call needs `Authorization: Bearer gty_...` (create a token under API tokens in the \
                        portal). A request may do what both the token's scopes and its owner's current roles \
                        allow. Errors are RFC 9457 problem documents with a `field` naming what was wrong."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("gty_ API token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer scopesFromPreAuthorize() {
        return (operation, handler) -> {
            PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
            if (rule == null) {
                return operation;
            }
            List<String> scopes = matches(SCOPE, rule.value());
            List<String> roles = matches(ROLE, rule.value());
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER, scopes));
            operation.addExtension("x-gantry-scopes", scopes);
            String needs = "Scope: " + String.join(", ", scopes.stream().map(s -> "`" + s + "`").toList())
                    + (roles.isEmpty() ? "" : "; role: " + String.join(", ", roles)) + ".";
            operation.setDescription(operation.getDescription() == null ? needs
                    : operation.getDescription() + "\n\n" + needs);
            return operation;
        };
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
