package dev.gantry.domain.policy;

import static dev.gantry.domain.policy.Refusals.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack path may point anywhere; reading it must stay cheap and construct nothing, whatever it holds.
 * Time limits run the test on a separate thread: a parser spinning on hostile input ignores interrupts.
 */
class HostileYamlTests {

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAliasBombIsRefusedBeforeItExpands() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", Collections.nCopies(10, "*a" + (i - 1))));
            yaml.append("]\n");
        }
        yaml.append("pack: *a9\n");

        List<PolicyProblem> problems = problemsOf(yaml.toString());

        assertThat(problems).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("refused: ").contains("aliases"));
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anEndlessStreamIsCutOffAtTheSizeLimit() {
        Reader endless = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, 'x');
                return length;
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> new PolicyPackLoader().load("endless.yaml", endless))
                .isInstanceOf(PolicyPackException.class)
                .hasMessage("endless.yaml: is longer than 1000000 characters, the most a policy pack may have");
    }

    @Test
    void anOversizedFileIsRefusedWithoutParsingIt(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("huge.yaml");
        Files.write(file, new byte[(int) PolicyPackLoader.MAX_FILE_BYTES + 1]);

        assertThatThrownBy(() -> new PolicyPackLoader().load(file))
                .isInstanceOf(PolicyPackException.class)
                .hasMessage("huge.yaml: is 1048577 bytes; a policy pack may be at most 1048576");
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void deepNestingIsRefused() {
        String yaml = "pack: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

        assertThat(problemsOf(yaml)).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("refused: ").contains("Nesting"));
    }

    @Test
    void aJavaTypeTagIsRefusedAndNothingIsConstructed() {
        List<PolicyProblem> problems = problemsOf(Refusals.pack("""
                  - id: coverage
                    kind: gate.coverage
                    description: Coverage.
                    params: {min: !!java.io.File "/etc/passwd"}
                """));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(10);
            assertThat(problem.message()).startsWith("not valid YAML: Global tag is not allowed");
        });
    }

    @Test
    void aLocalTagIsRefusedAtItsField() {
        List<PolicyProblem> problems = problemsOf(Refusals.pack("""
                  - id: coverage
                    kind: gate.coverage
                    description: Coverage.
                    params: {min: !percent 80}
                """));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("rules[0].params.min");
            assertThat(problem.message())
                    .isEqualTo("explicit YAML tags such as !percent are not allowed in a policy pack");
        });
    }

    @Test
    void aSecondDocumentInTheSameFileIsRefused() {
        assertThat(problemsOf(Refusals.pack("""
                  - id: vault
                    kind: secrets.vault
                    description: Vault.
                ---
                pack: other
                """))).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("not valid YAML: "));
    }
}
