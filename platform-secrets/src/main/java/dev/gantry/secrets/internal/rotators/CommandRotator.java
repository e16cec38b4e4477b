package dev.gantry.secrets.internal.rotators;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code command}: a program an administrator installed in the command directory
 * ({@code gantry.secrets.rotation.command-directory}, default {@code data/rotation-commands}) puts the credential
 * where it is used. It is run as {@code <command> set|test|revoke <path>} with the credential on standard input,
 * never in its arguments or environment (where {@code ps} and {@code /proc} would show it); exit status 0 means
 * done. Parameters: {@code command} (a file name in that directory), {@code timeout} (default PT30S, at most
 * PT2M) and the {@link PasswordRules} of the generated candidate.
 */
@Component
class CommandRotator extends HandOverRotator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_OUTPUT = 8192;
    private static final Set<String> PARAMETERS = parameters("command", "timeout");

    private final Path directory;

    CommandRotator(@Value("${gantry.secrets.rotation.command-directory:data/rotation-commands}") Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public String kind() {
        return "command";
    }

    @Override
    public void validate(RotatorParameters parameters) {
        parameters.allowOnly(PARAMETERS);
        executable(parameters);
        timeout(parameters);
        validateRules(parameters);
    }

    @Override
    void handOver(RotationContext context, String action, SecretValue value) {
        Path executable = executable(context.parameters());
        Duration timeout = timeout(context.parameters());
        ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), action, context.path()))
                .directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "C.UTF-8");
        environment.put("GANTRY_SECRET_PATH", context.path());
        environment.put("GANTRY_ROTATION_ACTION", action);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new RotationStepException("the command " + executable.getFileName() + " could not be started");
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> head(process.getInputStream()));
        byte[] input = value.utf8();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        } catch (IOException closedEarly) {
            // The command need not read its input (a revoke may not); its exit status decides.
        } finally {
            Arrays.fill(input, (byte) 0);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new RotationStepException("the command " + executable.getFileName() + " did not finish "
                        + action + " within " + timeout);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new RotationStepException("interrupted while the command ran");
        }
        if (process.exitValue() != 0) {
            // The output ends when the program does; a grandchild still holding it gets a second, not more.
            String said = output.completeOnTimeout("", 1, TimeUnit.SECONDS).join().strip();
            int newline = said.indexOf('\n');
            throw new RotationStepException("the command " + executable.getFileName() + " failed to " + action
                    + " (exit " + process.exitValue() + ")"
                    + (said.isEmpty() ? "" : ": " + (newline < 0 ? said : said.substring(0, newline))));
        }
    }

    private static String head(InputStream stream) {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                if (kept.size() < MAX_OUTPUT) {
                    kept.write(buffer, 0, Math.min(read, MAX_OUTPUT - kept.size()));
                }
            }
        } catch (IOException ended) {
            // what was read so far will do
        }
        return kept.toString(StandardCharsets.UTF_8);
    }

    private Path executable(RotatorParameters parameters) {
        String name = parameters.required("command");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(RotatorParameters.field("command"),
                    "the file name of a program in the command directory (letters, digits, dots, hyphens)");
        }
        Path file = directory.resolve(name);
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(directory.toRealPath()) || !Files.isRegularFile(real) || !Files.isExecutable(real)) {
                throw new InvalidInputException(RotatorParameters.field("command"),
                        "not an executable file in the command directory");
            }
            return real;
        } catch (IOException missing) {
            throw new InvalidInputException(RotatorParameters.field("command"),
                    "no such program in the command directory");
        }
    }

    private static Duration timeout(RotatorParameters parameters) {
        return parameters.duration("timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(2));
    }
}
