package dev.gantry.recovery.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.recovery.RestoreExpectation;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.TreeEntry;
import dev.gantry.recovery.TreeInventory;
import dev.gantry.recovery.Validation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecTests {

    @Test
    void specsWithNewlinesEqualsSignsAndBackslashesComeBackExactly() {
        var command = new SourceSpec.Command(List.of("sh", "-c", "printf 'a=b\\n'\nexit 0", "\\", "=", ""));
        var validations = List.<Validation>of(new Validation.MatchesExpectation(),
                new Validation.SqlAssertion("paid", "select count(*)\nfrom x where y = 'a\\b'", "42"),
                new Validation.CommandCheck("check", List.of("test", "-s", "a=b")));
        var scratch = new ScratchSpec.NewPostgresDatabase("db.internal", 5433, "drill", "scratch.pg");

        assertThat(Codec.decodeSource(Codec.sourceKind(command), Codec.encode(command))).isEqualTo(command);
        assertThat(Codec.decodeValidations(Codec.encodeValidations(validations))).isEqualTo(validations);
        assertThat(Codec.decodeScratch(Codec.scratchKind(scratch), Codec.encode(scratch))).isEqualTo(scratch);
    }

    @Test
    void expectationsOfEveryKindComeBackExactly() {
        var rows = new RestoreExpectation.TableRows(Map.of("public.a=b", 3L, "weird\nschema.t", 0L));
        var tree = new RestoreExpectation.TreeFiles(new TreeInventory(List.of(TreeEntry.directory("etc", 0755),
                TreeEntry.file("etc/a=b.txt", 0644, 12, "ab".repeat(32)), TreeEntry.symlink("current", "etc"))));
        var stream = new RestoreExpectation.StreamBytes(1234, "cd".repeat(32));

        for (RestoreExpectation expectation : List.of(rows, tree, stream)) {
            assertThat(Codec.decodeExpectation(Codec.encode(expectation))).isEqualTo(expectation);
        }
    }
}
