package dev.drivelog.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drivelog.analysis.GridDrives;
import dev.drivelog.fleet.SyntheticFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet page ({@code bin/drivelog report --fleet}) and the trip page in English and Japanese, in
 * headless chromium: ranking and sections, labels and times for the configured or the browser's
 * language and zone, Japanese glyphs really drawn (a CJK font installed: fonts-noto-cjk), nothing
 * loaded from anywhere. Screenshots go to target/report-screenshots/. Fails without chromium.
 */
class PagesInTheReadersLanguageBrowserIT {
    private static final Path REPO = Path.of(System.getProperty("drivelog.repo.dir", "."));

    @TempDir
    static Path dir;

    static Path results;
    static List<ChromeWebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void writeResults() throws Exception {
        results = dir.resolve("results");
        SyntheticFleet.write(results, 50, 1000, 14, 1.5, 10, 21);
    }

    @AfterAll
    static void closeBrowsers() throws Exception {
        for (ChromeWebDriver browser : browsers) {
            browser.close();
        }
    }

    private static Path drivelog(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(REPO.resolve("bin/drivelog").toString()));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), output);
        return dir.resolve(name);
    }

    private static Path fleetPage(String name, String language, String zone) throws Exception {
        return drivelog(name, "report", "--fleet", results.toString(), "--out", dir.resolve(name).toString(), "--language", language,
                "--time-zone", zone);
    }

    private static ChromeWebDriver browser(String language) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile-");
        ChromeWebDriver browser = new ChromeWebDriver(profile, profile.resolveSibling(profile.getFileName() + ".log"), language);
        browsers.add(browser);
        return browser;
    }

    private static String text(ChromeWebDriver browser, String css) throws Exception {
        return browser.text(browser.find(css).getFirst());
    }

    private static void screenshot(ChromeWebDriver browser, String name) throws Exception {
        Path screenshots = REPO.resolve("target/report-screenshots");
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name), browser.screenshotPng());
    }

    private static void assertNothingLoaded(ChromeWebDriver browser) throws Exception {
        assertEquals(0, browser.script("return performance.getEntriesByType('resource').length").asInt(), "no request of any kind");
    }

    /**
     * Whether Japanese text is drawn with real glyphs: two different characters must leave different
     * ink (tofu boxes are all alike), and a road name must be wider than as many empty boxes.
     */
    private static void assertJapaneseGlyphsRender(ChromeWebDriver browser, String selector) throws Exception {
        JsonNode ink = browser.script("""
                function ink(text) {
                  var canvas = document.createElement('canvas'); canvas.width = 80; canvas.height = 60;
                  var g = canvas.getContext('2d'); g.font = '40px ' + getComputedStyle(document.body).fontFamily;
                  g.fillText(text, 10, 45);
                  var data = g.getImageData(0, 0, 80, 60).data, bits = '';
                  for (var i = 3; i < data.length; i += 4) { bits += data[i] > 127 ? '1' : '0'; }
                  return bits;
                }
                function width(text, like) {
                  var span = document.createElement('span'); span.textContent = text;
                  document.querySelector(like).appendChild(span);
                  var w = span.getBoundingClientRect().width; span.remove(); return w;
                }
                var name = document.querySelector(arguments[0]).textContent;
                return { road: ink('道'), pass: ink('通'), box: ink('\\uE000'), name: name,
                         nameWidth: width(name, arguments[0]), boxesWidth: width('\\uE000'.repeat(name.length), arguments[0]) };
                """.replace("arguments[0]", "'" + selector + "'"));
        assertNotEquals(ink.get("road").asText(), ink.get("pass").asText(), "道 and 通 drew the same shape: no CJK font (fonts-noto-cjk)");
        assertNotEquals(ink.get("road").asText(), ink.get("box").asText(), "道 drew as an empty box");
        assertTrue(ink.get("road").asText().contains("1"), "道 left no ink");
        assertNotEquals(ink.get("nameWidth").asDouble(), ink.get("boxesWidth").asDouble(), 0.5,
                "'" + ink.get("name").asText() + "' is as wide as empty boxes");
    }

    @Test
    void fleetPage_english_fiftyVehiclesRankedLowestScoreFirstWithEverySection() throws Exception {
        Path page = fleetPage("fleet-en.html", "en", "UTC");
        ChromeWebDriver browser = browser("en-US");
        browser.open(page);

        assertEquals("drivelog fleet report", text(browser, "h1"));
        assertEquals(50, browser.find("table.ranking tbody tr").size());
        JsonNode scores = browser.script("return Array.from(document.querySelectorAll('table.ranking td.score b'))"
                + ".map(function (b) { return Number(b.textContent); })");
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1).asDouble() <= scores.get(i).asDouble(), "ranked lowest first: " + scores);
        }
        assertEquals("too little distance", text(browser, "table.ranking tbody tr:last-child .no-score"));
        assertEquals(9, browser.find("table.by-type tbody tr").size(), "every finding type");
        assertTrue(browser.find("svg.hot-spot-map circle.spot").size() >= 36, "a circle per place");
        assertEquals(7, browser.find("table.heat tbody tr").size());
        assertTrue(browser.script("return document.querySelector('svg.trend path.trend-line') !== null").asBoolean());
        assertEquals("en", browser.script("return document.documentElement.lang").asText());
        assertTrue(text(browser, "[data-kpi='fleet.findings'] .value").matches("[0-9,]+"));
        assertNothingLoaded(browser);
        screenshot(browser, "fleet-en.png");
    }

    @Test
    void fleetPage_japaneseInTokyo_japaneseLabelsTokyoDatesAndRealGlyphs() throws Exception {
        Path page = fleetPage("fleet-ja.html", "ja", "Asia/Tokyo");
        ChromeWebDriver browser = browser("en-US");
        browser.open(page);

        assertEquals("drivelog 車両安全レポート", text(browser, "h1"), "configured Japanese wins over the browser's English");
        assertEquals("車両別スコア (低い順)", text(browser, "#vehicles h2"));
        assertEquals("月", text(browser, "table.heat tbody tr:first-child th"));
        assertEquals("Asia/Tokyo", browser.script("return document.documentElement.getAttribute('data-time-zone')").asText());
        assertTrue(text(browser, "#overview time").matches("2026/11/1[67]"), text(browser, "#overview time"));
        assertJapaneseGlyphsRender(browser, "table.spots-table td.road-name");
        assertNothingLoaded(browser);
        screenshot(browser, "fleet-ja.png");
    }

    @Test
    void fleetPage_auto_followsTheBrowsersLanguage() throws Exception {
        Path page = fleetPage("fleet-auto.html", "auto", "auto");
        ChromeWebDriver japanese = browser("ja");
        japanese.open(page);
        ChromeWebDriver english = browser("en-GB");
        english.open(page);

        assertEquals("ja", japanese.script("return navigator.languages[0]").asText(), "the test browser speaks Japanese");
        assertEquals("drivelog 車両安全レポート", text(japanese, "h1"));
        assertEquals("ja", japanese.script("return document.documentElement.lang").asText());
        assertEquals("種類・重大度別の検出", text(japanese, "#findings h2"));
        assertEquals("drivelog fleet report", text(english, "h1"));
        assertEquals(english.script("return Intl.DateTimeFormat().resolvedOptions().timeZone").asText(),
                english.script("return document.documentElement.getAttribute('data-time-zone')").asText(), "the browser's zone");
    }

    @Test
    void tripPage_japaneseInTokyo_factsInJapaneseTimesInJst() throws Exception {
        Path config = dir.resolve("ja.yaml");
        Files.writeString(config, "report:\n  language: ja\n  time_zone: Asia/Tokyo\n");
        Path log = dir.resolve("grid.csv");
        Files.write(log, GridDrives.csv(GridDrives.trips()));
        drivelog("trips", "analyze", "--report", "--config", config.toString(), "--map", GridDrives.map().toString(),
                "--out", dir.resolve("trips").toString(), log.toString());
        ChromeWebDriver browser = browser("en-US");
        browser.open(dir.resolve("trips/grid.csv/report.html"));

        assertEquals("ja", browser.script("return document.documentElement.lang").asText());
        assertEquals("開始", text(browser, "section.trip dt[data-i18n='fact.Start']"));
        String start = text(browser, "section.trip dt[data-i18n='fact.Start'] + dd");
        // GridDrives start at 08:00 UTC: 17:00 in Tokyo.
        assertTrue(start.matches("2026/11/\\d\\d 17:\\d\\d:\\d\\d (JST|GMT\\+9)"), start);
        assertEquals("トリップ", text(browser, "table.index th"));
        assertNothingLoaded(browser);
        screenshot(browser, "report-ja.png");
    }
}
