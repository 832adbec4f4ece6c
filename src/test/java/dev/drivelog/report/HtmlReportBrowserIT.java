package dev.drivelog.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.GridDrives;
import dev.drivelog.logs.Trip;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser: {@code bin/drivelog analyze --report} over drives on the grid map,
 * then the page opened in headless chromium (WebDriver). Fails, not skips, without chromium: the CI
 * installs it ({@code apt-get install chromium chromium-driver}).
 */
class HtmlReportBrowserIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path report;
    static JsonNode summary;
    static ChromeWebDriver browser;

    @BeforeAll
    static void analyseAndOpen() throws Exception {
        Path map = GridDrives.map();
        Path log = dir.resolve("grid-fleet.csv");
        try (Writer out = Files.newBufferedWriter(log)) {
            out.write("vehicle_id,time,lat,lon,speed,heading,accuracy\n");
            for (Trip trip : GridDrives.trips()) {
                for (int i = 0; i < trip.count(); i++) {
                    out.write(String.format(Locale.ROOT, "grid-car,%s,%.7f,%.7f,%.2f,%.1f,%.1f%n",
                            Instant.ofEpochSecond((long) trip.timeSeconds()[i]), trip.lat()[i], trip.lon()[i],
                            trip.speedMps()[i], trip.headingDeg()[i], trip.accuracyMeters()[i]));
                }
            }
        }
        Path out = dir.resolve("out");
        Path repo = Path.of(System.getProperty("drivelog.repo.dir", "."));
        Process run = new ProcessBuilder(repo.resolve("bin/drivelog").toString(), "analyze", "--report", "--map", map.toString(),
                "--out", out.toString(), log.toString()).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), output);
        report = out.resolve("grid-fleet.csv/report.html");
        summary = JSON.readTree(out.resolve("grid-fleet.csv/summary.json").toFile());
        Files.createDirectories(dir.resolve("profile"));
        browser = new ChromeWebDriver(dir.resolve("profile"), dir.resolve("chromedriver.log"));
        browser.open(report);
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void report_everyViolationOfTheSummary_isListedInItsTripsSection() throws Exception {
        Map<String, List<String>> expected = new HashMap<>();
        int violations = 0;
        for (JsonNode trip : summary.get("trips")) {
            List<String> types = new ArrayList<>();
            trip.path("violations").forEach(v -> types.add(v.get("type").asText()));
            violations += types.size();
            expected.put(trip.get("trip_id").asText(), types);
        }
        assertTrue(violations >= 3 && expected.size() >= 3, "the drives should give several trips and violations: " + summary);

        JsonNode sections = browser.script("return Array.from(document.querySelectorAll('section.trip')).map(s => ({"
                + "id: s.dataset.tripId, types: Array.from(s.querySelectorAll('.violation-item .type')).map(e => e.dataset.type),"
                + "labels: Array.from(s.querySelectorAll('.violation-item .type')).map(e => e.textContent),"
                + "markers: s.querySelectorAll('svg.map .violation-marker').length}))");
        Map<String, List<String>> shown = new HashMap<>();
        for (JsonNode section : sections) {
            List<String> types = new ArrayList<>();
            section.get("types").forEach(t -> types.add(t.asText()));
            // The shown label is the type in the reader's language: "wrong way" for wrong_way in English.
            section.get("labels").forEach(l -> assertFalse(l.asText().isBlank(), "a label for every entry in " + section));
            shown.put(section.get("id").asText(), types);
            assertEquals(types.size(), section.get("markers").asInt(), "a map marker per violation in " + section);
        }
        assertEquals(expected, shown);
        assertTrue(browser.text(browser.find("#overview .totals").getFirst()).contains(violations + " violations"));
    }

    @Test
    void report_clickOnASpeedingMarker_showsItsEvidence() throws Exception {
        JsonNode speeding = null;
        for (JsonNode trip : summary.get("trips")) {
            for (JsonNode v : trip.path("violations")) {
                if (speeding == null && v.get("type").asText().equals("speeding")) {
                    speeding = v;
                }
            }
        }
        assertTrue(speeding != null, "the Hauptstraße drive speeds: " + summary);
        List<String> markers = browser.find("circle.violation-marker.v-speeding");
        assertFalse(markers.isEmpty());

        browser.click(markers.getFirst());

        String evidence = browser.text(browser.find(
                "section.trip:has(circle.violation-marker.v-speeding.selected) aside.evidence").getFirst());
        assertTrue(evidence.contains("speeding"), evidence);
        assertTrue(evidence.contains(speeding.get("road_name").asText()), evidence);
        assertTrue(evidence.contains(speeding.get("osm_way_ids").get(0).asText()), evidence);
        assertTrue(evidence.contains("limit_kmh " + speeding.get("evidence").get("limit_kmh").asText())
                || evidence.contains("limit_kmh\n" + speeding.get("evidence").get("limit_kmh").asText()), evidence);
        assertTrue(evidence.contains("max_speed_kmh"), evidence);
        Files.createDirectories(screenshots());
        browser.script("document.querySelector('section.trip:has(.violation-marker.selected)').scrollIntoView()");
        Files.write(screenshots().resolve("report.png"), browser.screenshotPng());
    }

    @Test
    void report_clickOnAListEntry_showsThatViolationsEvidence() throws Exception {
        List<String> items = browser.find("button.violation-item");
        String last = items.getLast();
        String type = browser.text(browser.find("button.violation-item .type").getLast());

        browser.click(last);

        JsonNode shown = browser.script("const b = document.querySelectorAll('button.violation-item');"
                + "const s = b[b.length - 1].closest('section.trip');"
                + "return {evidence: s.querySelector('aside.evidence').innerText,"
                + " selected: s.querySelectorAll('.violation-marker.selected').length}");
        assertTrue(shown.get("evidence").asText().startsWith(type), shown.toString());
        assertEquals(1, shown.get("selected").asInt(), "the marker of the clicked entry is highlighted");
    }

    @Test
    void report_wheelOverTheMap_zoomsTheView() throws Exception {
        JsonNode boxes = browser.script("const svg = document.querySelector('svg.map');"
                + "const before = svg.getAttribute('viewBox'); const r = svg.getBoundingClientRect();"
                + "svg.dispatchEvent(new WheelEvent('wheel', {deltaY: -300, clientX: r.left + r.width / 2,"
                + " clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));"
                + "const after = svg.getAttribute('viewBox'); svg.dispatchEvent(new MouseEvent('dblclick', {bubbles: true}));"
                + "return [before, after, svg.getAttribute('viewBox')]");
        double widthBefore = Double.parseDouble(boxes.get(0).asText().split(" ")[2]);
        double widthAfter = Double.parseDouble(boxes.get(1).asText().split(" ")[2]);

        assertTrue(widthAfter < widthBefore * 0.9, boxes.toString());
        assertNotEquals(boxes.get(0).asText(), boxes.get(1).asText());
        assertEquals(widthBefore, Double.parseDouble(boxes.get(2).asText().split(" ")[2]), 1e-6, "double-click resets");
    }

    @Test
    void report_dragOnTheMap_pansTheViewWithoutZooming() throws Exception {
        String lastMap = browser.find("svg.map").getLast();
        browser.script("document.querySelectorAll('svg.map')[document.querySelectorAll('svg.map').length - 1]"
                + ".scrollIntoView({block: 'center'})");
        String viewBox = "const m = document.querySelectorAll('svg.map'); return m[m.length - 1].getAttribute('viewBox')";
        String before = browser.script(viewBox).asText();

        browser.drag(lastMap, 120, 40);

        String after = browser.script(viewBox).asText();
        String[] b = before.split(" ");
        String[] a = after.split(" ");
        String change = before + " -> " + after;
        assertTrue(Double.parseDouble(a[0]) < Double.parseDouble(b[0]), "dragging right moves the view west: " + change);
        assertTrue(Double.parseDouble(a[1]) < Double.parseDouble(b[1]), "dragging down moves the view north: " + change);
        assertEquals(Double.parseDouble(b[2]), Double.parseDouble(a[2]), 1e-6, "same width");
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("drivelog.repo.dir", "."), "target", "report-screenshots");
    }
}
