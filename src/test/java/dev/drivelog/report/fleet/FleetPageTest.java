package dev.drivelog.report.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.ReportConfig;
import dev.drivelog.config.ScoreConfig;
import dev.drivelog.fleet.FleetAggregator;
import dev.drivelog.fleet.FleetData;
import dev.drivelog.fleet.FleetDataReader;
import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.fleet.SyntheticFleet;
import dev.drivelog.report.Messages;
import dev.drivelog.report.Road;
import dev.drivelog.report.RoadContext;
import dev.drivelog.report.RoadSource;
import dev.drivelog.score.Finding;
import dev.drivelog.score.TripRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetPageTest {
    private static final String EVIL = "</title><script>alert('x')</script>";

    @TempDir
    Path out;

    private static String page(FleetSummary summary, RoadSource roads, Messages messages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FleetPage.write(bytes, summary, roads, messages);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private FleetSummary synthetic(int trips, double findingsPerTrip) throws IOException {
        SyntheticFleet.write(out, 12, trips, 7, findingsPerTrip, 3, 3);
        return new FleetAggregator(ScoreConfig.DEFAULTS, ZoneOffset.UTC).aggregate(FleetDataReader.read(out, null));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void write_syntheticFleet_hasEverySectionAVehicleRowEachAndAMapSpotEach() throws IOException {
        FleetSummary summary = synthetic(200, 1.5);
        RoadSource roads = (minLat, minLon, maxLat, maxLon, max) -> new RoadContext(List.of(new Road(1, "primary", "明治通り", 0, 50, 50,
                new double[] {minLat, minLon, maxLat, maxLon})), List.of(), 0);

        String html = page(summary, roads, Messages.defaults());

        assertEquals(20, count(html, "<table class=\"lowest-trips\">") * summary.lowestTrips().size());
        for (String section : List.of("id=\"overview\"", "id=\"vehicles\"", "id=\"trips\"", "id=\"findings\"", "id=\"hot-spots\"", "id=\"time-of-day\"")) {
            assertEquals(1, count(html, section), section);
        }
        assertEquals(12, count(html, "<tr data-vehicle="));
        assertEquals(summary.hotSpots().size(), count(html, "<circle class=\"spot\""));
        assertEquals(12, count(html, "<svg class=\"trend\""));
        assertTrue(html.contains("class=\"road c-primary\""), "roads of the map under the spots");
        assertTrue(html.contains("<span data-i18n=\"fleet.noScore\">too little distance</span>"), "car-11 drove 3 km");
        assertEquals(7, count(html, "<span data-i18n=\"weekday."), "a row per weekday");
        assertTrue(html.contains("<span data-i18n=\"type.harsh_braking\">harsh braking</span>"));
        assertTrue(html.contains("<span data-i18n=\"category.event\">event</span>"));
        assertTrue(html.contains("id=\"i18n-settings\""));
    }

    @Test
    void write_anyPage_loadsNothingFromTheNetwork() throws IOException {
        String html = page(synthetic(40, 1), null, Messages.defaults());

        assertFalse(Pattern.compile("\\bsrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(html.contains("href=\"http"));
        assertFalse(html.contains("url("));
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    }

    @Test
    void write_japaneseInTokyo_labelsDatesUnitsAndZoneForATokyoReader() throws IOException {
        SyntheticFleet.write(out, 12, 60, 7, 1, 1, 3);
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        FleetSummary summary = new FleetAggregator(ScoreConfig.DEFAULTS, tokyo).aggregate(FleetDataReader.read(out, null));

        String html = page(summary, null, Messages.of(new ReportConfig("ja", "Asia/Tokyo"), ZoneOffset.UTC));

        assertTrue(html.contains("<html lang=\"ja\">"));
        assertTrue(html.contains("<span data-i18n=\"fleet.ranking\">車両別スコア (低い順)</span>"));
        assertTrue(html.contains("<span data-i18n=\"unit.h\">時間</span>"));
        assertTrue(html.contains("<span data-i18n=\"weekday.0\">月</span>"));
        assertTrue(html.contains(">2026/11/16</time>"), "the first day in Japanese order");
        assertTrue(html.contains("明治通り"), "Japanese road names as they are");
        assertTrue(html.contains("\"timeZone\":\"Asia/Tokyo\""), "the browser formats times in the configured zone");
        assertTrue(html.contains("<b>Asia/Tokyo</b>"), "the zone days and hours are counted in");
    }

    @Test
    void write_markupInVehicleIdsRoadNamesAndProblems_isEscaped() throws IOException {
        FleetData data = new FleetData("<b>dir</b>", "v1", List.of(new TripRecord("a", EVIL, "t", 1_795_161_600, 20_000, 900)),
                List.of(new Finding("a", EVIL, "t", "<img src=x>", null, "\"><i>", 1_795_161_700, 35.66, 139.7, EVIL, "way/1")),
                List.of("a.jsonl line 3: skipped, " + EVIL), 1);
        FleetSummary summary = new FleetAggregator(ScoreConfig.DEFAULTS, ZoneOffset.UTC).aggregate(data);

        String html = page(summary, null, Messages.defaults());

        assertFalse(html.contains("<script>alert"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<b>dir"));
        assertTrue(html.contains("&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertEquals(1, count(html, "<script>"), "only the page's own script");
    }

    @Test
    void write_onlyShortTrips_saysNoTripHasAScore() throws IOException {
        FleetData data = new FleetData("dir", "v1", List.of(new TripRecord("a", "car", "t", 1_795_161_600, 3_000, 300)), List.of(),
                List.of(), 0);

        String html = page(new FleetAggregator(ScoreConfig.DEFAULTS, ZoneOffset.UTC).aggregate(data), null, Messages.defaults());

        assertTrue(html.contains("<span data-i18n=\"fleet.noTripScored\">No trip is long enough for a score"), "3 km < 5 km");
    }
}
