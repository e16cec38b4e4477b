package dev.gantry.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FlatJsonTests {

    @Test
    void theSameDetailsAlwaysHaveTheSameStoredForm() {
        var one = new TreeMap<>(Map.of("b", "2", "a", "1", "c", "3"));
        var other = new TreeMap<String, String>();
        other.put("c", "3");
        other.put("a", "1");
        other.put("b", "2");

        assertThat(FlatJson.write(one)).isEqualTo("{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}")
                .isEqualTo(FlatJson.write(other));
    }

    @Test
    void awkwardTextSurvivesTheRoundTrip() {
        var awkward = new TreeMap<>(Map.of(
                "quote", "say \"hi\"",
                "backslash", "C:\\temp\\",
                "lines", "one\ntwo\r\nthree\ttab",
                "control", "bell\u0007nul\u0000",
                "separators", "a\u2028b\u2029c",
                "unicode", "Grüße, 東京, 🚀",
                "lone surrogate", "x\uD800y"));

        var stored = FlatJson.write(awkward);

        assertThat(stored).doesNotContain("\n", "\r", "\t", "\u0007", "\u0000", "\u2028", "\u2029", "\uD800");
        assertThat(FlatJson.parse(stored)).isEqualTo(awkward);
    }

    @Test
    void numbersAreReadAsTheirDigits() {
        assertThat(FlatJson.parse("{\"seq\":120, \"hash\":\"ab\"}"))
                .containsEntry("seq", "120")
                .containsEntry("hash", "ab");
    }

    @Test
    void anythingButAFlatObjectIsRefused() {
        for (var text : new String[] {"", "[]", "{\"a\":{}}", "{\"a\":\"1\"", "{\"a\":\"1\"} x",
                "{\"a\":\"1\",\"a\":\"2\"}", "{\"a\":true}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}"}) {
            assertThatThrownBy(() -> FlatJson.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
