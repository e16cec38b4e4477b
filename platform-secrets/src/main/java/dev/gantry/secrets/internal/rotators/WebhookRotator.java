package dev.gantry.secrets.internal.rotators;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretPath;
import dev.gantry.secrets.SecretValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code webhook}: the service that uses the credential takes it over HTTPS. Each step is a {@code POST} of
 * {@code {"action": "set"|"test"|"revoke", "path": ..., "value": ...}} to {@code url}; any 2xx answer means done,
 * redirects are not followed. Parameters: {@code url} (https; http only to this machine's loopback unless
 * {@code gantry.secrets.rotation.webhook.allow-plain-http} is set), {@code auth-secret-path} (a vault secret sent
 * as a bearer token), {@code timeout} (default PT10S, at most PT1M) and the {@link PasswordRules} of the candidate.
 */
@Component
class WebhookRotator extends HandOverRotator {

    private static final Set<String> PARAMETERS = parameters("url", "auth-secret-path", "timeout");

    private final boolean allowPlainHttp;

    WebhookRotator(@Value("${gantry.secrets.rotation.webhook.allow-plain-http:false}") boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
    }

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public void validate(RotatorParameters parameters) {
        parameters.allowOnly(PARAMETERS);
        url(parameters);
        timeout(parameters);
        String auth = parameters.optional("auth-secret-path");
        if (auth != null) {
            try {
                SecretPath.parse(auth);
            } catch (InvalidInputException bad) {
                throw new InvalidInputException(RotatorParameters.field("auth-secret-path"), bad.getMessage());
            }
        }
        validateRules(parameters);
    }

    @Override
    void handOver(RotationContext context, String action, SecretValue value) {
        URI url = url(context.parameters());
        Duration timeout = timeout(context.parameters());
        char[] chars = value.chars();
        byte[] body = ("{\"action\":" + Json.string(action) + ",\"path\":" + Json.string(context.path())
                + ",\"value\":" + Json.string(new String(chars)) + "}").getBytes(StandardCharsets.UTF_8);
        Arrays.fill(chars, '\0');
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "gantry-secret-rotation")
                .header("X-Gantry-Rotation-Action", action)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String auth = context.parameters().optional("auth-secret-path");
        if (auth != null) {
            SecretValue token = context.secret(auth);
            request.header("Authorization", "Bearer " + new String(token.chars()));
            token.wipe();
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new RotationStepException("the webhook answered " + response.statusCode() + " to " + action);
            }
        } catch (IOException e) {
            throw new RotationStepException("the webhook could not be reached for " + action + " ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RotationStepException("interrupted while calling the webhook");
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private URI url(RotatorParameters parameters) {
        String text = parameters.required("url");
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException bad) {
            throw new InvalidInputException(RotatorParameters.field("url"), "not a URL");
        }
        if (url.getHost() == null || url.getUserInfo() != null || url.getRawQuery() != null
                && url.getRawQuery().toLowerCase(java.util.Locale.ROOT).contains("token")) {
            throw new InvalidInputException(RotatorParameters.field("url"),
                    "an http(s) URL with a host and no credentials in it");
        }
        if ("https".equals(url.getScheme())) {
            return url;
        }
        if ("http".equals(url.getScheme()) && (allowPlainHttp || loopback(url.getHost()))) {
            return url;
        }
        throw new InvalidInputException(RotatorParameters.field("url"),
                "https, or http to this machine only: credentials must not cross the network in clear");
    }

    private static boolean loopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        try {
            return (host.matches("[0-9.]+") || host.startsWith("[")) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException notAnAddress) {
            return false;
        }
    }

    private static Duration timeout(RotatorParameters parameters) {
        return parameters.duration("timeout", Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    /** JSON string literals, enough for the request body. */
    static final class Json {

        private Json() {
        }

        static String string(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
