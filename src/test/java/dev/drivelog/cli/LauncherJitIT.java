package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.GridDrives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/drivelog}'s JIT choice (DRIVELOG_JIT): by default C1 only for commands on local files and
 * C1 + C2 for those that talk to S3 (TLS needs C2's intrinsics), {@code c1} or {@code full} for every
 * command, a clear refusal of anything else, and the same results either way.
 */
class LauncherJitIT {
    private static final Path REPO = Path.of(System.getProperty("drivelog.repo.dir", "."));
    private static final Pattern TIERED_STOP = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d+)");

    @TempDir
    static Path dir;

    static Path map;
    static Path log;

    record Run(int exitCode, String stdout, String stderr) {}

    @BeforeAll
    static void writeInputs() throws Exception {
        map = GridDrives.map();
        log = Files.write(dir.resolve("grid.csv"), GridDrives.csv(GridDrives.trips()));
    }

    @Test
    void launcher_localFileCommand_compilesWithC1Only() throws Exception {
        assertEquals(1, tieredStopLevel(null, List.of("map", "info", map.toString())));
    }

    @Test
    void launcher_commandTalkingToS3_keepsC2() throws Exception {
        assertEquals(4, tieredStopLevel(null, List.of("report", "--help")));
    }

    @Test
    void launcher_jitChosen_appliesToEveryCommand() throws Exception {
        assertEquals(1, tieredStopLevel("c1", List.of("report", "--help")));
        assertEquals(4, tieredStopLevel("full", List.of("map", "info", map.toString())));
    }

    @Test
    void launcher_unknownJit_refusedByName() throws Exception {
        Run run = run("c2", List.of("--help"), "");

        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("DRIVELOG_JIT must be auto, c1 or full, not 'c2'"), run.stderr());
    }

    @Test
    void launcher_c1AndFull_writeTheSameResults() throws Exception {
        Map<String, String> c1 = analyzed("c1");
        Map<String, String> full = analyzed("full");

        assertTrue(c1.keySet().stream().anyMatch(name -> name.endsWith("summary.json")), c1.keySet().toString());
        assertEquals(full, c1);
    }

    private static int tieredStopLevel(String jit, List<String> command) throws Exception {
        Run run = run(jit, command, "-XX:+PrintFlagsFinal");
        assertEquals(0, run.exitCode(), run.stderr());
        Matcher flag = TIERED_STOP.matcher(run.stdout());
        assertTrue(flag.find(), "no TieredStopAtLevel in -XX:+PrintFlagsFinal");
        return Integer.parseInt(flag.group(1));
    }

    private static Map<String, String> analyzed(String jit) throws Exception {
        Path out = dir.resolve("out");  // the same path each run: results may name where they were written
        FileTrees.delete(out);
        Run run = run(jit, List.of("analyze", "--map", map.toString(), "--out", out.toString(), "--matched", log.toString()), "");
        assertEquals(0, run.exitCode(), run.stderr());
        return FileTrees.contents(out);
    }

    /** Runs bin/drivelog with DRIVELOG_JIT set to {@code jit} (unset when null). */
    private static Run run(String jit, List<String> command, String javaOptions) throws Exception {
        List<String> line = new ArrayList<>(List.of(REPO.resolve("bin/drivelog").toString()));
        line.addAll(command);
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().remove("DRIVELOG_JIT");
        if (jit != null) builder.environment().put("DRIVELOG_JIT", jit);
        builder.environment().put("DRIVELOG_JAVA_OPTS", javaOptions);
        int exit = builder.start().waitFor();
        return new Run(exit, Files.readString(stdout), Files.readString(stderr));
    }
}
