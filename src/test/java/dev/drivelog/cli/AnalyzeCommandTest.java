package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage and config errors of {@code drivelog analyze} (exit 2), found before any analysis starts. */
class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void analyze_help_succeeds() {
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("analyze", "--help"));
    }

    @Test
    void analyze_withoutInputs_isUsageError() throws IOException {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--map", file("m.dlmap", "x").toString()));
    }

    @Test
    void analyze_missingMap_isUsageError() throws IOException {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--map", dir.resolve("none.dlmap").toString(),
                file("a.csv", "time,lat,lon\n").toString()));
    }

    @Test
    void analyze_missingInput_isUsageError() throws IOException {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--map", file("m.dlmap", "x").toString(),
                dir.resolve("none.csv").toString()));
    }

    @Test
    void analyze_unknownMode_isUsageError() throws IOException {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--mode", "jni", "--map",
                file("m.dlmap", "x").toString(), file("a.csv", "time,lat,lon\n").toString()));
    }

    @Test
    void analyze_unknownFormat_isUsageError() throws IOException {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--format", "kml", "--map",
                file("m.dlmap", "x").toString(), file("a.csv", "time,lat,lon\n").toString()));
    }

    @Test
    void analyze_zeroThreads_isUsageError() throws IOException {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--threads", "0", "--map",
                file("m.dlmap", "x").toString(), file("a.csv", "time,lat,lon\n").toString()));
    }

    @Test
    void analyze_badConfigFile_isUsageError() throws IOException {
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--config",
                file("c.yaml", "analysis:\n  binding: {mode: jni}\n").toString(), "--map",
                file("m.dlmap", "x").toString(), file("a.csv", "time,lat,lon\n").toString()));
    }

    @Test
    void analyze_twoInputsWithTheSameName_isUsageError() throws IOException {
        Files.createDirectories(dir.resolve("x"));
        Files.createDirectories(dir.resolve("y"));
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--map", file("m.dlmap", "x").toString(),
                Files.writeString(dir.resolve("x/a.csv"), "t").toString(),
                Files.writeString(dir.resolve("y/a.csv"), "t").toString()));
    }

    @Test
    void analyze_damagedMap_isUsageError() throws IOException {
        // Refused by the native map loader (FFM) before any input is read.
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("analyze", "--map", file("m.dlmap", "not a map").toString(),
                file("a.csv", "time,lat,lon\n").toString()));
    }
}
