package dev.gantry.ui.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ObjectiveChartTests {

    private static final Instant T0 = Instant.parse("2026-11-01T03:00:00Z");

    @Test
    void eachDrillIsAPointColouredByWhetherItMetTheObjectiveAndAFailedDrillIsACross() throws Exception {
        Document svg = parse(ObjectiveChart.svg("RTO achieved", List.of(
                new ObjectiveChart.Sample(T0, Duration.ofMinutes(20), false, "within"),
                new ObjectiveChart.Sample(T0.plus(Duration.ofDays(30)), Duration.ofHours(5), false, "over"),
                new ObjectiveChart.Sample(T0.plus(Duration.ofDays(60)), null, true, "failed")),
                Duration.ofHours(4)));

        NodeList circles = svg.getElementsByTagName("circle");
        List<String> fills = java.util.stream.IntStream.range(0, circles.getLength())
                .mapToObj(i -> ((Element) circles.item(i)).getAttribute("fill")).toList();
        assertThat(fills).startsWith("#2a8453", "#b36b00");
        assertThat(text(svg)).contains("objective 4 h", "latest: not measured (drill failed)", "3 drills",
                "2026-11-01 03:00 UTC");
        assertThat(svg.getDocumentElement().getAttribute("aria-label"))
                .isEqualTo("RTO achieved: 3 drills; latest not measured against an objective of 4 h");
    }

    @Test
    void anObjectiveFarAboveTheMeasuredValuesStillShowsBothOnOneScale() throws Exception {
        Document svg = parse(ObjectiveChart.svg("RPO achieved", List.of(
                new ObjectiveChart.Sample(T0, Duration.ofSeconds(3), false, "fresh")), Duration.ofHours(24)));

        Element point = (Element) svg.getElementsByTagName("circle").item(0);
        double y = Double.parseDouble(point.getAttribute("cy"));
        assertThat(y).as("a 3 s RPO sits at the bottom of a chart whose top is above 24 h").isBetween(150.0, 200.0);
        assertThat(text(svg)).contains("objective 24 h");
    }

    @Test
    void labelsAreEscapedSoNoTextBecomesMarkup() throws Exception {
        String svg = ObjectiveChart.svg("<script>alert(1)</script>", List.of(
                new ObjectiveChart.Sample(T0, Duration.ofSeconds(1), false, "\"><img src=x>")), null);

        assertThat(svg).doesNotContain("<script>").doesNotContain("<img");
        Document parsed = parse(svg);
        assertThat(parsed.getElementsByTagName("script").getLength()).isZero();
        assertThat(text(parsed)).contains("<script>alert(1)</script>", "no objective set");
    }

    @Test
    void withoutDrillsTheChartSaysHowToGetOne() throws Exception {
        assertThat(text(parse(ObjectiveChart.svg("RTO achieved", List.of(), Duration.ofHours(4)))))
                .contains("No drill yet: run one to see how long a restore takes");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document svg) {
        return svg.getDocumentElement().getTextContent();
    }
}
