package dev.gantry.recovery.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calculator against fixed vectors: a subset of restic's own golden files, ported (see the comments in
 * {@code restic-golden.txt} for the source), and Gantry's hand-computed vectors in a real time zone.
 */
class RetentionGoldenVectorsTests {

    private static final GoldenVectors RESTIC = load(() -> GoldenVectors.resticSnapshots("restic-snapshots.txt",
            "restic-golden.txt"));
    private static final GoldenVectors GANTRY = load(() -> GoldenVectors.selfContained("gantry-vectors.txt",
            ZoneId.of("Europe/Berlin")));

    static Stream<Arguments> resticCases() {
        return RESTIC.cases().stream().map(Arguments::of);
    }

    static Stream<Arguments> gantryCases() {
        return GANTRY.cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resticCases")
    void resticsGoldenPoliciesKeepTheSameSnapshotsForTheSameReasons(GoldenVectors.Case vector) {
        assertKeepsExactly(RESTIC, vector);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gantryCases")
    void handComputedPointsKeepWhatTheirZoneAndStatesSay(GoldenVectors.Case vector) {
        assertKeepsExactly(GANTRY, vector);
    }

    private static void assertKeepsExactly(GoldenVectors vectors, GoldenVectors.Case vector) {
        RetentionPlan plan = vector.now() == null
                ? Retention.apply(vectors.points(), vector.rules(), vector.zone())
                : Retention.apply(vectors.points(), vector.rules(), vector.zone(), vector.now());

        assertThat(vectors.render(plan)).containsExactlyElementsOf(vector.expectedKept());
        assertThat(plan.toKeep().size() + plan.toForget().size() + plan.notConsidered().size())
                .isEqualTo(vectors.points().size());
        if (vector.expectedNotConsidered() != null) {
            assertThat(plan.notConsidered()).extracting(Point::id).containsExactlyElementsOf(vector.expectedNotConsidered());
        }
    }

    private static GoldenVectors load(Loader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Loader {
        GoldenVectors load() throws IOException;
    }
}
