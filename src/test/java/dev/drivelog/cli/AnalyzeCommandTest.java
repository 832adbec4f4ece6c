package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.GridDrives;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage and config errors of {@code drivelog analyze} (exit 2), found before any analysis starts. Each
 * test changes one thing in a command that otherwise works (a real map, a real log: see the first
 * test), and checks that the message names what is wrong, so a test passes only through the check it
 * is named after.
 */
class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private Path map;
    private Path log;
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        map = GridDrives.map();
        log = Files.write(dir.resolve("a.csv"), GridDrives.csv(List.of(GridDrives.trips().getFirst())));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** {@code drivelog analyze --out <dir>/out <args>}, stderr kept in {@link #err}. */
    private int analyze(Object... args) {
        List<String> all = new ArrayList<>(List.of("analyze", "--out", dir.resolve("out").toString()));
        for (Object arg : args) {
            all.add(arg.toString());
        }
        return DrivelogCommand.commandLine(all.getFirst())
                .setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    private void assertUsageError(int exitCode, String expectedInMessage) {
        assertEquals(ExitCodes.USAGE, exitCode, err.toString());
        assertTrue(err.toString().contains(expectedInMessage), "expected '" + expectedInMessage + "' in: " + err);
        assertFalse(Files.exists(dir.resolve("out/a.csv/summary.json")), "nothing was analysed");
    }

    @Test
    void analyze_theCommandTheOtherTestsBreak_succeeds() {
        assertEquals(ExitCodes.OK, analyze("--map", map, log), err.toString());
        assertTrue(Files.exists(dir.resolve("out/a.csv/summary.json")));
    }

    @Test
    void analyze_help_succeeds() {
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("analyze", "--help"));
    }

    @Test
    void analyze_withoutInputs_isUsageError() {
        assertUsageError(analyze("--map", map), "Missing required parameter: 'FILE'");
    }

    @Test
    void analyze_missingMap_isUsageError() {
        assertUsageError(analyze("--map", dir.resolve("none.dlmap"), log), "map file not found: " + dir.resolve("none.dlmap"));
    }

    @Test
    void analyze_missingInput_isUsageError() {
        assertUsageError(analyze("--map", map, dir.resolve("none.csv")), "input file not found: " + dir.resolve("none.csv"));
    }

    @Test
    void analyze_directoryAsInput_isUsageErrorThatSaysSo() {
        assertUsageError(analyze("--map", map, dir), "input is a directory, not a log file: " + dir
                + " (name its logs, e.g. " + dir.resolve("*.csv") + ")");
    }

    @Test
    void analyze_unknownMode_isUsageError() {
        assertUsageError(analyze("--mode", "jni", "--map", map, log), "--mode must be ffm or process, not 'jni'");
    }

    @Test
    void analyze_unknownFormat_isUsageError() {
        assertUsageError(analyze("--format", "kml", "--map", map, log), "--format must be csv, jsonl, nmea or gpx, not 'kml'");
    }

    @Test
    void analyze_zeroThreads_isUsageError() {
        assertUsageError(analyze("--threads", "0", "--map", map, log), "--threads must be between 1 and 1024, not 0");
    }

    @Test
    void analyze_badConfigFile_isUsageError() throws IOException {
        Path config = file("c.yaml", "analysis:\n  binding: {mode: jni}\n");
        assertUsageError(analyze("--config", config, "--map", map, log), "analysis.binding.mode");
    }

    @Test
    void analyze_twoInputsWithTheSameName_isUsageError() throws IOException {
        Files.createDirectories(dir.resolve("x"));
        Path other = Files.copy(log, dir.resolve("x/a.csv"));
        assertUsageError(analyze("--map", map, log, other), "two inputs are named a.csv");
    }

    @Test
    void analyze_damagedMap_isUsageErrorNamingTheFileBeforeAnyInputIsRead() throws IOException {
        Path damaged = file("m.dlmap", "not a map, but long enough to be taken for one by its size alone".repeat(20));
        assertUsageError(analyze("--map", damaged, log), "file " + damaged + " is not a drivelog map");
    }
}
