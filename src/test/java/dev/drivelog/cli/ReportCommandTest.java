package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.fleet.SyntheticFleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String stderr) {}

    private static Run run(String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(DrivelogCommand.execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void report_fleetDirectory_writesThePageAndSaysWhatItRead() throws Exception {
        SyntheticFleet.write(dir.resolve("results"), 5, 40, 3, 1, 2, 1);
        Path page = dir.resolve("pages/fleet.html");

        ReportCommand command = new ReportCommand();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exitCode = new picocli.CommandLine(command).execute("--fleet", dir.resolve("results").toString(), "--out", page.toString(),
                "--language", "ja", "--time-zone", "Asia/Tokyo");
        Run run = new Run(exitCode, err.toString(StandardCharsets.UTF_8));

        assertEquals(0, run.exitCode(), run.stderr());
        String html = Files.readString(page);
        assertTrue(html.contains("<html lang=\"ja\">"));
        assertTrue(run.stderr().contains("5 vehicles, 33 trips"), "the fifth vehicle drives once: " + run.stderr());
        assertTrue(run.stderr().contains("result version " + SyntheticFleet.RESULT_VERSION), run.stderr());
        try (var files = Files.list(page.getParent())) {
            assertEquals(1, files.count(), "no temporary file left beside the page");
        }
    }

    @Test
    void report_twoResultVersions_isAUsageErrorNamingThem() throws Exception {
        Path results = dir.resolve("results");
        SyntheticFleet.write(results, 2, 4, 1, 0, 1, 1);
        Path other = results.resolve("trip_summaries/result_version=other-2/dt=2026-11-16");
        Files.createDirectories(other);
        Files.writeString(other.resolve("x.jsonl"), "");

        Run run = run("report", "--fleet", results.toString(), "--out", dir.resolve("f.html").toString());

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("[other-2, synthetic-1]") && run.stderr().contains("--result-version"), run.stderr());
        assertFalse(Files.exists(dir.resolve("f.html")));
    }

    @Test
    void report_badLanguageOrMissingDirectory_isAUsageError() {
        Run language = run("report", "--fleet", dir.toString(), "--out", dir.resolve("f.html").toString(), "--language", "fr");
        Run missing = run("report", "--fleet", dir.resolve("nowhere").toString(), "--out", dir.resolve("f.html").toString());

        assertEquals(ExitCodes.USAGE, language.exitCode());
        assertTrue(language.stderr().contains("--language must be one of [auto, en, ja], got 'fr'"), language.stderr());
        assertEquals(ExitCodes.USAGE, missing.exitCode());
        assertTrue(missing.stderr().contains("not a directory"), missing.stderr());
    }
}
