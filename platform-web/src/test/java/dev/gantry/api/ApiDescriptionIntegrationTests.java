package dev.gantry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.gantry.testing.ApiCaller;
import dev.gantry.testing.ApiCaller.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description is served without a token and covers every route of {@code /api/v1}. */
class ApiDescriptionIntegrationTests extends ApiTestSupport {

    @LocalServerPort int port;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @Test
    void everyApiRouteIsDescribedWithTheScopeItNeeds() {
        Answer answer = new ApiCaller(port).get("/api/v1/openapi", null);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode paths = answer.json().get("paths");

        List<String> routes = apiRoutes();
        assertThat(routes).as("the secrets API is among the routes").anyMatch(r -> r.contains("/secrets/data/"));
        for (String route : routes) {
            String[] methodAndPath = route.split(" ", 2);
            JsonNode operation = paths.path(methodAndPath[1]).path(methodAndPath[0].toLowerCase(Locale.ROOT));
            assertThat(operation.isMissingNode()).as("%s is described", route).isFalse();
            assertThat(operation.path("x-gantry-scopes").valueStream().toList()).as("%s names its scope", route)
                    .isNotEmpty();
        }
    }

    @Test
    void theDescriptionIsAlsoServedAsYaml() {
        Answer answer = new ApiCaller(port).get("/api/v1/openapi.yaml", null);

        assertThat(answer.status()).isEqualTo(200);
        Object document = new Yaml(new LoaderOptions()).load(answer.body());
        assertThat(document).isInstanceOf(java.util.Map.class);
        assertThat(((java.util.Map<?, ?>) document).get("paths").toString()).contains("/api/v1/secrets/seal-status");
    }

    /** "GET /api/v1/..." for every mapped controller method, in the description's notation for path variables. */
    private List<String> apiRoutes() {
        List<String> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/openapi")) {
                    continue;
                }
                String described = pattern.replaceAll("\\{\\*([a-zA-Z]+)}", "{$1}");
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    routes.add(method.name() + " " + described);
                }
            }
        });
        return routes;
    }
}
