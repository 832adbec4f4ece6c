package dev.drivelog.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.logs.Trip;
import dev.drivelog.output.TripOutcome;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
    private static final String EVIL_NAME = "</title><script>alert('road')</script>";
    private static final String EVIL_TRIP = "\"><img src=x onerror=alert(1)>";

    private static String page(RoadSource roads, List<String> problems, Trip... trips) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HtmlReportWriter writer = new HtmlReportWriter(bytes, "fleet<1>.csv", roads);
        for (Trip trip : trips) {
            writer.write(trip, ReportFixtures.outcome(trip, List.of(ReportFixtures.speeding("Hauptstraße", 100))));
        }
        writer.finish(problems);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void finish_twoTrips_writesASectionPerTripAndAnIndexLinkingThem() throws Exception {
        String html = page((a, b, c, d, m) -> ReportFixtures.roads("Hauptstraße"), List.of(),
                ReportFixtures.eastwards("morning", 60), ReportFixtures.eastwards("evening", 60));

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.strip().endsWith("</html>"));
        assertEquals(2, count(html, "<section class=\"trip\""));
        assertTrue(html.contains("<a href=\"#trip-1\">van-1 \u00b7 morning</a>"), html);
        assertTrue(html.contains("<a href=\"#trip-2\">van-1 \u00b7 evening</a>"));
        assertTrue(html.contains("2 trips, 2 violations"));
        assertEquals(2, count(html, "<svg class=\"map\""));
        assertEquals(2, count(html, "<svg class=\"speed\""));
        // Each violation: a marker on the map, an entry in the list and its evidence, all with one key.
        for (String key : List.of("trip-1-v0", "trip-2-v0")) {
            assertEquals(2, count(html, "data-violation=\"" + key + "\""), key);
            assertEquals(1, count(html, "id=\"" + key + "\" hidden"), key);
        }
        assertTrue(html.contains("<dt data-i18n=\"fact.limit_kmh\">limit_kmh</dt><dd>30.0</dd>"));
        assertTrue(html.contains("<dt data-i18n=\"fact.OSM way\">OSM way</dt><dd>100</dd>"));
        assertTrue(html.contains("class=\"road c-residential\""));
        assertTrue(html.contains("<path class=\"oneway\""), "one-way arrow of way 100");
        assertTrue(html.contains("stop sign (node 7)"));
        assertTrue(html.contains("class=\"speeding-episode\""));
        assertTrue(html.contains("<path class=\"limit\" d=\"M"), "limit step line from the matched way");
        assertTrue(html.contains("<dt data-i18n=\"fact.Data quality\">Data quality</dt><dd>gaps</dd>"));
    }

    @Test
    void write_drivingEvents_areMarkedAndListedApartFromViolationsWithTheirSeverity() throws Exception {
        Trip trip = ReportFixtures.eastwards("events", 30);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HtmlReportWriter writer = new HtmlReportWriter(bytes, "van.csv", (a, b, c, d, m) -> ReportFixtures.roads("x"));
        writer.write(trip, ReportFixtures.outcome(trip, List.of(ReportFixtures.speeding("Hauptstraße", 100)),
                List.of(ReportFixtures.harshBraking("Hauptstraße", 100))));
        writer.finish(List.of());
        String html = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(html.contains("<h3><span data-i18n=\"trip.violations\">Violations</span> (1)</h3>"), html);
        assertTrue(html.contains("<h3><span data-i18n=\"trip.events\">Driving events</span> (1)</h3>"), html);
        assertEquals(1, count(html, "class=\"violation-marker event-marker v-harsh_braking\""));
        assertTrue(html.contains("data-violation=\"trip-1-e0\""), "the event's evidence opens like a violation's");
        assertTrue(html.contains("<span class=\"severity s-severe\"><span data-i18n=\"severity.severe\">severe</span></span>"), html);
        assertTrue(html.contains("1 trip, 1 violation"), html);
        assertTrue(html.contains("1 driving event"), html);
    }

    @Test
    void finish_anyPage_loadsNothingFromTheNetwork() throws Exception {
        String html = page((a, b, c, d, m) -> ReportFixtures.roads("x"), List.of(), ReportFixtures.eastwards("t", 30));

        assertFalse(Pattern.compile("\\bsrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(html.contains("href=\"http"));
        assertFalse(html.contains("url("));
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }

    @Test
    void write_markupInRoadNamesTripIdsAndProblems_isEscaped() throws Exception {
        Trip trip = ReportFixtures.eastwards(EVIL_TRIP, 30);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HtmlReportWriter writer = new HtmlReportWriter(bytes, "<b>input</b>", (a, b, c, d, m) -> ReportFixtures.roads(EVIL_NAME));
        writer.write(trip, ReportFixtures.outcome(trip, List.of(ReportFixtures.speeding(EVIL_NAME, 100))));
        writer.finish(List.of("line 3: <script>bad()</script>"));
        String html = bytes.toString(StandardCharsets.UTF_8);

        assertFalse(html.contains("<script>alert"), "road name injected");
        assertFalse(html.contains("<img"), "trip id injected");
        assertFalse(html.contains("<script>bad"), "problem text injected");
        assertFalse(html.contains("<b>input"), "input name injected");
        assertTrue(html.contains("&lt;/title&gt;&lt;script&gt;alert(&#39;road&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertEquals(2, count(html, "<script>"), "only the report's own scripts (map, language)");
    }

    @Test
    void write_hundredThousandPoints_drawsAtMostTheCapOfRawPoints() throws Exception {
        Trip trip = ReportFixtures.eastwards("long", 100_000);
        String html = page((a, b, c, d, m) -> RoadContext.EMPTY, List.of(), trip);

        Matcher raw = Pattern.compile("<path class=\"raw\" d=\"([^\"]*)\"").matcher(html);
        assertTrue(raw.find());
        int dots = count(raw.group(1), "h0");
        assertTrue(dots >= 2 && dots <= MapSvg.MAX_TRACE_POINTS, "drew " + dots + " dots");
        assertTrue(html.contains("(" + dots + " / 100000)"));
        Matcher curve = Pattern.compile("<path class=\"speed-curve\" d=\"([^\"]*)\"").matcher(html);
        assertTrue(curve.find());
        assertTrue(count(curve.group(1), "L") < SpeedChart.MAX_CURVE_POINTS);
        assertTrue(html.length() < 2_000_000, "page of " + html.length() + " chars");
    }

    @Test
    void write_fewerPointsThanTheCap_drawsEveryFix() throws Exception {
        String html = page((a, b, c, d, m) -> RoadContext.EMPTY, List.of(), ReportFixtures.eastwards("short", 300));

        Matcher raw = Pattern.compile("<path class=\"raw\" d=\"([^\"]*)\"").matcher(html);
        assertTrue(raw.find());
        assertEquals(300, count(raw.group(1), "h0"));
        assertTrue(html.contains("<span class=\"k-raw\"><span data-i18n=\"trip.legend.raw\">GPS points</span></span>"),
                "no '(N / M)' when all are drawn");
    }

    @Test
    void write_failedTripAndMapFailure_areShownNotThrown() throws Exception {
        Trip good = ReportFixtures.eastwards("good", 20);
        Trip bad = ReportFixtures.eastwards("bad", 20);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        HtmlReportWriter writer = new HtmlReportWriter(bytes, "in.csv", (a, b, c, d, m) -> {
            throw new IllegalStateException("map file gone");
        });
        writer.write(good, ReportFixtures.outcome(good, List.of()));
        writer.write(bad, TripOutcome.failed("van-1", "bad", 20, "engine refused <it>"));
        writer.finish(List.of());
        String html = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(html.contains("Not analysed: engine refused &lt;it&gt;"));
        assertTrue(html.contains("trip good: map not drawn: map file gone"));
        assertTrue(html.contains("<tr class=\"failed\"><td><a href=\"#trip-2\">"));
        assertTrue(html.contains("<h3><span data-i18n=\"trip.violations\">Violations</span> (0)</h3>"));
    }
}
