package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.GridDrives;
import dev.drivelog.output.DirectoryOutputSink;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's real analysis honours the output switches it is configured with through the environment. */
class DrivelogAnalysisProviderTest {
    @TempDir
    Path out;

    @Test
    void open_reportSwitchedOn_writesReportBesideSummary() throws Exception {
        Path inputDirectory = analyse(Map.of("DRIVELOG_MAP", GridDrives.map().toString(),
                "DRIVELOG_OUTPUT__REPORT", "true"));

        assertTrue(Files.exists(inputDirectory.resolve("summary.json")));
        String html = Files.readString(inputDirectory.resolve("report.html"));
        assertTrue(html.contains("<svg"), "the report draws the map as inline SVG");
        assertTrue(html.contains("speeding"), "the report lists the trip's speeding violation");
    }

    @Test
    void open_defaults_writesNoReport() throws Exception {
        Path inputDirectory = analyse(Map.of("DRIVELOG_MAP", GridDrives.map().toString()));

        assertTrue(Files.exists(inputDirectory.resolve("summary.json")));
        assertFalse(Files.exists(inputDirectory.resolve("report.html")));
    }

    private Path analyse(Map<String, String> environment) throws Exception {
        InputAnalysis analysis = new DrivelogAnalysisProvider().open(environment);
        DirectoryOutputSink sink = new DirectoryOutputSink(out, "speeding.csv", "v1");
        analysis.analyze("speeding.csv", new ByteArrayInputStream(GridDrives.csv(List.of(GridDrives.trips().getFirst()))), sink);
        return sink.inputDirectory();
    }

    @Test
    void version_mapRebuiltElsewhereLater_sameVersionAndResultKeys() throws Exception {
        Path osm = Path.of(System.getProperty("drivelog.repo.dir", "."), "src/test/resources/bindings/grid.osm");
        Path first = GridDrives.buildMap(osm, out.resolve("first.dlmap"));
        Path rebuilt = GridDrives.buildMap(osm, out.resolve("image-2-reference.dlmap"));
        // An image rebuild: another file, written later (the build may take less than the clock's resolution).
        Files.setLastModifiedTime(rebuilt, FileTime.from(Files.getLastModifiedTime(first).toInstant().plusSeconds(3600)));

        String before = new DrivelogAnalysisProvider().version(Map.of("DRIVELOG_MAP", first.toString()));
        String after = new DrivelogAnalysisProvider().version(Map.of("DRIVELOG_MAP", rebuilt.toString()));

        assertEquals(before, after);
        ResultLayout layout = new ResultLayout("out", "results/", before);
        assertEquals(layout.prefixFor("logs", "fleet.csv", "e:abc"),
                new ResultLayout("out", "results/", after).prefixFor("logs", "fleet.csv", "e:abc"));
        assertTrue(before.matches("drivelog-\\d+\\.\\d+\\.\\d+-[0-9a-f]{12}"), before);
    }

    @Test
    void version_otherMapContentOrSetting_otherVersion() throws Exception {
        Path osm = Path.of(System.getProperty("drivelog.repo.dir", "."), "src/test/resources/osm/oneway.osm");
        Path other = GridDrives.buildMap(osm, out.resolve("oneway.dlmap"));
        String grid = new DrivelogAnalysisProvider().version(Map.of("DRIVELOG_MAP", GridDrives.map().toString()));

        assertNotEquals(grid, new DrivelogAnalysisProvider().version(Map.of("DRIVELOG_MAP", other.toString())));
        assertNotEquals(grid, new DrivelogAnalysisProvider().version(Map.of("DRIVELOG_MAP", GridDrives.map().toString(),
                "DRIVELOG_ANALYSIS__SPEEDING__TOLERANCE_KMH", "7")));
        // Writing out a default, or changing how the engine is called, is no change of the analysis.
        assertEquals(grid, new DrivelogAnalysisProvider().version(Map.of("DRIVELOG_MAP", GridDrives.map().toString(),
                "DRIVELOG_ANALYSIS__SPEEDING__TOLERANCE_KMH", "5.0", "DRIVELOG_ANALYSIS__BINDING__THREADS", "3")));
    }

    @Test
    void open_defaults_inputsAtOnceTimesThreadsPerInputAreTheVcpus() throws Exception {
        Map<String, String> environment = Map.of("DRIVELOG_MAP", GridDrives.map().toString());
        LogFileAnalysis analysis = (LogFileAnalysis) new DrivelogAnalysisProvider().open(environment);
        int inputsAtOnce = PipelineSettings.load(environment).analysisConcurrency();

        assertEquals(Runtime.getRuntime().availableProcessors(), inputsAtOnce * analysis.threads());
    }

    @Test
    void version_configurationPassedIn_sameAsReadFromTheEnvironment() throws Exception {
        Map<String, String> environment = Map.of("DRIVELOG_MAP", GridDrives.map().toString(),
                "DRIVELOG_ANALYSIS__SPEEDING__TOLERANCE_KMH", "7", "DRIVELOG_LOGS__TRIP_GAP_SECONDS", "120");
        DrivelogAnalysisProvider provider = new DrivelogAnalysisProvider();

        assertEquals(provider.version(environment), provider.version(environment, PipelineSettings.loadConfig(environment)));
    }

    @Test
    void prepare_thenOpen_analysesAsWithout() throws Exception {
        Map<String, String> environment = Map.of("DRIVELOG_MAP", GridDrives.map().toString());
        DrivelogAnalysisProvider provider = new DrivelogAnalysisProvider();
        provider.prepare(environment);

        Path inputDirectory = analyse(environment);

        assertTrue(Files.readString(inputDirectory.resolve("summary.json")).contains("speeding"));
    }

    @Test
    void prepare_mapMissing_openStillSaysWhichVariableNamesWhat() {
        Map<String, String> environment = Map.of("DRIVELOG_MAP", out.resolve("absent.dlmap").toString());
        DrivelogAnalysisProvider provider = new DrivelogAnalysisProvider();
        provider.prepare(environment);

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> provider.open(environment));
        assertEquals("DRIVELOG_MAP=" + out.resolve("absent.dlmap") + ": no such file", thrown.getMessage());
    }
}
