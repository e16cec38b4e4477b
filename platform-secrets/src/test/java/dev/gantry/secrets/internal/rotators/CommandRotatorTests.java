package dev.gantry.secrets.internal.rotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.testing.FixedContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command rotator running a real program that keeps its "accepted credential" in a file. */
class CommandRotatorTests {

    private static final String SCRIPT = """
            #!/bin/sh
            here=$(dirname "$0")
            input=$(cat)
            echo "$@" >> "$here/argv.log"
            cat /proc/$$/cmdline | tr '\\0' ' ' >> "$here/cmdline.log"; echo >> "$here/cmdline.log"
            env >> "$here/env.log"
            case "$1" in
              set) printf '%s' "$input" > "$here/accepted" ;;
              test) [ "$(cat "$here/accepted")" = "$input" ] || { echo "refused $input" >&2; exit 3; } ;;
              revoke) printf '%s\\n' "$input" >> "$here/revoked" ;;
              *) exit 9 ;;
            esac
            """;

    @TempDir
    Path commands;

    CommandRotator rotator;
    FixedContext context;

    @BeforeEach
    void aProgramInTheCommandDirectory() throws Exception {
        Path script = commands.resolve("update-credential.sh");
        Files.writeString(script, SCRIPT);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path sleeper = commands.resolve("slow.sh");
        Files.writeString(sleeper, "#!/bin/sh\nsleep 30\n");
        Files.setPosixFilePermissions(sleeper, PosixFilePermissions.fromString("rwx------"));
        rotator = new CommandRotator(commands);
        context = new FixedContext("payments/api/prod/smtp", RotatorParameters.of("command", "update-credential.sh",
                "length", "20"));
    }

    @Test
    void theCandidateReachesTheProgramOnStandardInputAndNeverInItsArgumentsOrEnvironment() throws Exception {
        SecretValue candidate = rotator.createCandidate(context);
        String value = new String(candidate.chars());

        rotator.setOnTarget(context, candidate);
        rotator.test(context, candidate);

        assertThat(Files.readString(commands.resolve("accepted"))).isEqualTo(value).hasSize(20);
        assertThat(Files.readString(commands.resolve("argv.log")))
                .contains("set payments/api/prod/smtp", "test payments/api/prod/smtp").doesNotContain(value);
        assertThat(Files.readString(commands.resolve("cmdline.log"))).doesNotContain(value);
        assertThat(Files.readString(commands.resolve("env.log"))).contains("GANTRY_ROTATION_ACTION=set")
                .doesNotContain(value);
    }

    @Test
    void aRefusalIsAFailedStepCarryingTheProgramsFirstLineOfOutput() throws Exception {
        rotator.setOnTarget(context, SecretValue.of("the-accepted-one".toCharArray()));

        assertThatThrownBy(() -> rotator.test(context, SecretValue.of("another-one".toCharArray())))
                .isInstanceOf(RotationStepException.class).hasMessageContaining("exit 3")
                .hasMessageContaining("refused");
    }

    @Test
    void revokingHandsThePreviousCredentialOverOnStandardInput() throws Exception {
        rotator.revokePrevious(context, SecretValue.of("old-one".toCharArray()));

        assertThat(Files.readString(commands.resolve("revoked"))).isEqualTo("old-one\n");
    }

    @Test
    void aProgramThatHangsIsKilledAtItsTimeout() {
        FixedContext slow = new FixedContext("payments/api/prod/smtp", RotatorParameters.of("command", "slow.sh",
                "timeout", "PT1S"));
        Instant started = Instant.now();

        assertThatThrownBy(() -> rotator.setOnTarget(slow, SecretValue.of("x-value".toCharArray())))
                .isInstanceOf(RotationStepException.class).hasMessageContaining("did not finish");
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void onlyProgramsInsideTheCommandDirectoryMayRun() throws Exception {
        Path outside = Files.createTempFile("outside", ".sh");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(commands.resolve("escape.sh"), outside);

        for (String name : new String[] {"../outside.sh", "/bin/sh", "missing.sh", "escape.sh"}) {
            assertThatThrownBy(() -> rotator.validate(RotatorParameters.of("command", name))).as(name)
                    .isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("parameters.command");
        }
        Files.delete(outside);
    }
}
