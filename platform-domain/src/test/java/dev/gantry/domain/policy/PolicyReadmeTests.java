package dev.gantry.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/policies/README.md is what pack authors read; it must not drift from what the loader accepts. */
class PolicyReadmeTests {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    private static String readme() throws Exception {
        return Files.readString(ShippedPacks.FOLDER.resolve("README.md"));
    }

    @Test
    void theKindsTableListsEveryKindAndNoOther() throws Exception {
        String kindsSection = readme().substring(readme().indexOf("## Rule kinds"));

        List<String> documented = TABLE_ROW.matcher(kindsSection).results().map(row -> row.group(1)).toList();

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(RuleKind.values()).map(RuleKind::yamlName).toList());
    }

    @Test
    void theShippedPacksTableGivesTheRealRuleCounts() throws Exception {
        String packsSection = readme().substring(readme().indexOf("## The shipped packs"),
                readme().indexOf("## Activating a pack"));
        Map<String, Integer> documented = TABLE_ROW.matcher(packsSection).results()
                .collect(Collectors.toMap(row -> row.group(1), row -> countIn(packsSection, row)));

        Map<String, Integer> actual = ShippedPacks.all().stream()
                .collect(Collectors.toMap(PolicyPack::source, pack -> pack.rules().size()));

        assertThat(documented).isEqualTo(actual);
    }

    @Test
    void theExamplePackInTheReadmeLoads() throws Exception {
        Matcher example = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme());
        assertThat(example.find()).isTrue();

        PolicyPack pack = new PolicyPackLoader().load("README.md", new StringReader(example.group(1)));

        assertThat(pack.rules()).extracting(PolicyRule::kind).containsExactly(RuleKind.PRODUCTION_APPROVALS);
    }

    /** The third cell of a shipped-packs row: file | organisation | rules | in short. */
    private static int countIn(String section, MatchResult row) {
        String line = section.substring(row.start(), section.indexOf('\n', row.start()));
        return Integer.parseInt(line.split("\\|")[3].strip());
    }
}
