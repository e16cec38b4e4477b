package dev.gantry.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.gantry.GantryApplication;
import dev.gantry.access.ApiTokens;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Role;
import dev.gantry.secrets.RotationOutcome;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SealedExport;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.SecretValue;
import dev.gantry.testing.ApiCaller;
import dev.gantry.testing.ApiCaller.Answer;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A barrier test in the spirit of Vault's: one distinctive canary value goes through everything a secret can go
 * through in a real Gantry (write and read over REST, a new version and a rollback, a scheduled-style rotation and a
 * rollback to the canary again, seal and unseal, a sealed export and its import, metadata, the audit trail's CSV and
 * JSON exports, verification), with debug logging of Gantry and Spring's web layer switched on. After a clean shut
 * down, the canary's bytes (UTF-8, UTF-16 in both byte orders, hex, and base64 at every alignment) appear in no file
 * under the data directory (H2's files, keys, audit checkpoints, the log file, the committed sealed file), nowhere in
 * the captured standard output and error, and in no HTTP response except the explicit reads of the value.
 */
@ExtendWith(OutputCaptureExtension.class)
class CanaryValueNeverReachesDiskLogsOrExportsJourneyTests {

    private static final String PATH = "payments/checkout-api/prod/canary";
    private static final String CANARY = "gantry-canary-" + UUID.randomUUID() + "-value";

    @TempDir
    Path data;

    private final List<Answer> otherResponses = new ArrayList<>();

    @Test
    void theCanaryIsReadableOnlyByAskingForItAndLeavesNoTraceOnDiskInLogsOrExports(CapturedOutput output)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConfigurableApplicationContext gantry = SpringApplication.run(GantryApplication.class,
                "--gantry.data-dir=" + data, "--server.port=" + port, "--GANTRY_ADMIN_PASSWORD=canary-Start-2026",
                "--logging.file.name=" + data.resolve("logs/gantry.log"),
                "--logging.level.dev.gantry=debug", "--logging.level.org.springframework.web=debug",
                "--spring.main.banner-mode=off");
        // Boot writes logging.file.name only when it configures logging itself; in a suite where other contexts
        // configured it first, that file may never appear. This appender writes every event of the run to a file
        // of the data directory whatever happened before, so the search below always has a log file to read.
        FileAppender<ILoggingEvent> logFile = logFile(data.resolve("logs/run.log"));
        ApiCaller api = new ApiCaller(port);
        String keeper;
        List<Answer> reads = new ArrayList<>();
        try {
            keeper = ApiCaller.tokenFor("canary-keeper", gantry.getBean(UserManagement.class),
                    gantry.getBean(TeamManagement.class), gantry.getBean(ApiTokens.class), Role.SECRETS_ADMIN,
                    Role.AUDITOR);

            other(api.send("PUT", "/api/v1/secrets/data/" + PATH, "{\"value\":\"" + CANARY + "\",\"cas\":0}",
                    keeper), 200);
            reads.add(read(api, keeper, ""));
            other(api.send("PUT", "/api/v1/secrets/data/" + PATH, "{\"value\":\"an-ordinary-value\"}", keeper), 200);
            other(api.send("POST", "/api/v1/secrets/rollback/" + PATH, "{\"version\":1}", keeper), 200);
            reads.add(read(api, keeper, "?version=3"));

            SecretRotation rotation = gantry.getBean(SecretRotation.class);
            RotationOutcome rotated = asSecretsAdmin(() -> {
                rotation.setPolicy(RotationPolicy.forSecret(PATH, "password", RotatorParameters.none()));
                return rotation.rotateNow(PATH);
            });
            assertThat(rotated).isInstanceOf(RotationOutcome.Rotated.class);
            other(api.send("POST", "/api/v1/secrets/rollback/" + PATH, "{\"version\":3}", keeper), 200);

            other(api.send("POST", "/api/v1/secrets/seal", null, keeper), 200);
            other(api.get("/api/v1/secrets/data/" + PATH, keeper), 503);
            other(api.send("POST", "/api/v1/secrets/unseal", null, keeper), 200);
            reads.add(read(api, keeper, ""));

            SealedExport export = gantry.getBean(SealedExport.class);
            String sealedFile = asSecretsAdmin(() -> export.sealForRepository(PATH, SecretValue.of(
                    CANARY.toCharArray())));
            Files.writeString(Files.createDirectories(data.resolve("repository")).resolve("canary.sealed"),
                    sealedFile);
            asSecretsAdmin(() -> export.importSealed(sealedFile));
            reads.add(read(api, keeper, ""));

            other(api.get("/api/v1/secrets/metadata/" + PATH, keeper), 200);
            other(api.get("/api/v1/secrets/metadata?prefix=payments/", keeper), 200);
            Answer csv = other(api.get("/api/v1/audit/export?format=csv", keeper), 200);
            other(api.get("/api/v1/audit/export?format=json", keeper), 200);
            other(api.get("/api/v1/audit/entries?size=100", keeper), 200);
            other(api.send("POST", "/api/v1/audit/verify", null, keeper), 200);
            assertThat(csv.body()).as("the audit trail names the secret's path").contains(PATH);
        } finally {
            gantry.close();
            detach(logFile);
        }

        assertThat(reads).as("the explicit reads return the canary").allSatisfy(read -> {
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("value").asString()).isEqualTo(CANARY);
        });
        Map<String, byte[]> forms = forms(CANARY);
        assertThat(indexOf(reads.get(0).body().getBytes(StandardCharsets.UTF_8), forms.get("UTF-8")))
                .as("the search finds the canary where it is meant to be").isNotNegative();
        byte[] embedded = Base64.getEncoder().encode(("{\"k\":\"" + CANARY + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(forms).as("the search finds the canary base64-encoded inside a longer text")
                .anySatisfy((form, needle) -> assertThat(indexOf(embedded, needle)).isNotNegative());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the run left its database, keys, audit checkpoints and log file")
                .anySatisfy(file -> assertThat(file.toString()).endsWith(".mv.db"))
                .anySatisfy(file -> assertThat(file.toString()).endsWith("secrets-unseal.key"))
                .anySatisfy(file -> assertThat(file.toString()).endsWith("run.log"))
                .anySatisfy(file -> assertThat(file.toString()).endsWith("canary.sealed"));
        for (Path file : files) {
            assertNoCanaryIn(file.toString(), Files.readAllBytes(file), forms);
        }
        assertThat(output.getAll()).as("the run logged").contains("Tomcat");
        assertNoCanaryIn("standard output and error", output.getAll().getBytes(StandardCharsets.UTF_8), forms);
        for (Answer answer : otherResponses) {
            assertNoCanaryIn("a response to a call other than a read", answer.body().getBytes(StandardCharsets.UTF_8),
                    forms);
            assertNoCanaryIn("headers of a response to a call other than a read",
                    answer.headers().map().toString().getBytes(StandardCharsets.UTF_8), forms);
        }
    }

    private Answer read(ApiCaller api, String token, String query) {
        return api.get("/api/v1/secrets/data/" + PATH + query, token);
    }

    private Answer other(Answer answer, int expectedStatus) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(expectedStatus);
        otherResponses.add(answer);
        return answer;
    }

    /** The canary as bytes in every form a careless encoder, log line or export could have written it. */
    private static Map<String, byte[]> forms(String canary) {
        byte[] utf8 = canary.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("UTF-8", utf8);
        forms.put("UTF-16LE", canary.getBytes(StandardCharsets.UTF_16LE));
        forms.put("UTF-16BE", canary.getBytes(StandardCharsets.UTF_16BE));
        forms.put("hex", HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        forms.put("HEX", HexFormat.of().withUpperCase().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        // Inside a longer base64 text the canary may start at any of three byte offsets; keep the characters that
        // depend on its bytes alone.
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + utf8.length];
            System.arraycopy(utf8, 0, shifted, shift, utf8.length);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.withoutPadding().encodeToString(shifted);
                String core = encoded.substring(shift == 0 ? 0 : 4, encoded.length() - 4);
                forms.put("base64 at offset " + shift + (encoder == Base64.getEncoder() ? "" : " (URL)"),
                        core.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return forms;
    }

    private static void assertNoCanaryIn(String where, byte[] haystack, Map<String, byte[]> forms) {
        forms.forEach((form, needle) -> assertThat(indexOf(haystack, needle))
                .as("the canary (%s) in %s", form, where).isEqualTo(-1));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static <T> T asSecretsAdmin(Supplier<T> work) {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("canary-keeper",
                List.of(Role.SECRETS_ADMIN)));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static FileAppender<ILoggingEvent> logFile(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %level %logger %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("canary-run");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return appender;
    }

    private static void detach(FileAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }
}
