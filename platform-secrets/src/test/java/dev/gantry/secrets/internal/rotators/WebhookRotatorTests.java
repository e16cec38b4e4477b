package dev.gantry.secrets.internal.rotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.testing.FixedContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook rotator against a real HTTP server on the loopback interface. */
class WebhookRotatorTests {

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> accepted = new AtomicReference<>("");
    private final WebhookRotator rotator = new WebhookRotator(false);

    @BeforeEach
    void aServiceThatTakesCredentials() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rotate", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String value = body.replaceAll(".*\"value\":\"(.*)\"}$", "$1");
            int status = 204;
            if (body.contains("\"action\":\"set\"")) {
                accepted.set(value);
            } else if (body.contains("\"action\":\"test\"") && !value.equals(accepted.get())) {
                status = 401;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/rotate");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void setTestAndRevokeArePostedWithTheVaultsBearerToken() {
        FixedContext context = new FixedContext("payments/api/prod/partner", RotatorParameters.of(
                "url", "http://127.0.0.1:" + port() + "/rotate", "auth-secret-path", "payments/api/prod/hook-token"))
                .secret("payments/api/prod/hook-token", "hook-token-123");
        SecretValue candidate = rotator.createCandidate(context);

        rotator.setOnTarget(context, candidate);
        rotator.test(context, candidate);
        rotator.revokePrevious(context, SecretValue.of("the-old-one".toCharArray()));

        assertThat(accepted.get()).isEqualTo(new String(candidate.chars()));
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0)).startsWith("{\"action\":\"set\",\"path\":\"payments/api/prod/partner\",\"value\":");
        assertThat(bodies.get(2)).contains("\"action\":\"revoke\"", "the-old-one");
        assertThat(authorizations).containsOnly("Bearer hook-token-123");
    }

    @Test
    void anAnswerOutsideTwoHundredIsAFailedStep() {
        FixedContext context = new FixedContext("payments/api/prod/partner", RotatorParameters.of(
                "url", "http://127.0.0.1:" + port() + "/rotate"));
        rotator.setOnTarget(context, SecretValue.of("accepted-one".toCharArray()));

        assertThatThrownBy(() -> rotator.test(context, SecretValue.of("other-one".toCharArray())))
                .isInstanceOf(RotationStepException.class).hasMessageContaining("401");
    }

    @Test
    void redirectsAreNotFollowedSoTheCredentialGoesNowhereElse() {
        FixedContext context = new FixedContext("payments/api/prod/partner", RotatorParameters.of(
                "url", "http://127.0.0.1:" + port() + "/moved"));

        assertThatThrownBy(() -> rotator.setOnTarget(context, SecretValue.of("accepted-one".toCharArray())))
                .isInstanceOf(RotationStepException.class).hasMessageContaining("307");
        assertThat(bodies).isEmpty();
    }

    @Test
    void plainHttpIsRefusedUnlessItStaysOnThisMachine() {
        for (String url : List.of("http://partner.example.com/rotate", "ftp://127.0.0.1/x",
                "https://user:pw@partner.example.com/rotate")) {
            assertThatThrownBy(() -> rotator.validate(RotatorParameters.of("url", url))).as(url)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("parameters.url");
        }
        rotator.validate(RotatorParameters.of("url", "https://partner.example.com/rotate"));
        rotator.validate(RotatorParameters.of("url", "http://localhost:9000/rotate"));
        new WebhookRotator(true).validate(RotatorParameters.of("url", "http://partner.internal/rotate"));
    }

    @Test
    void valuesWithQuotesAndNewlinesTravelIntactAsJson() {
        assertThat(WebhookRotator.Json.string("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
