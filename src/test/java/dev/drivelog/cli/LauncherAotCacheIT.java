package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.GridDrives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/drivelog} with the JDK AOT cache the build trains (src/build/train-cli-aot.sh): the cache
 * is used, and neither a good, a damaged nor an outdated cache changes what a command prints or writes.
 * Each case runs the launcher on a home of its own (links to target's jar, lib and native build, and
 * its own cache file), so target's cache is never touched while other tests run the launcher.
 */
class LauncherAotCacheIT {
    private static final Path REPO = Path.of(System.getProperty("drivelog.repo.dir", "."));
    private static final Path TARGET = REPO.resolve("target");
    private static final String CACHE = "drivelog-cli.aot";

    @TempDir
    static Path dir;

    static Path map;
    static Path log;

    /** What one command printed and wrote, and whether the JVM took the launcher's class from the cache. */
    record Outcome(int exitCode, String stdout, String stderr, Map<String, String> files, boolean fromCache) {
        /** Everything a user sees, without how the classes were loaded. */
        List<Object> visible() {
            return List.of(exitCode, stdout, stderr, files);
        }
    }

    @BeforeAll
    static void writeInputs() throws Exception {
        assertTrue(Files.size(TARGET.resolve(CACHE)) > 0 && Files.getLastModifiedTime(TARGET.resolve(CACHE))
                        .compareTo(Files.getLastModifiedTime(TARGET.resolve("drivelog.jar"))) > 0,
                "the build wrote no AOT cache after the jar: see target/aot-training.log");
        map = GridDrives.map();
        log = Files.write(dir.resolve("grid.csv"), GridDrives.csv(GridDrives.trips()));
    }

    @Test
    void launcher_buildsCache_isUsedAndChangesNoOutput() throws Exception {
        Path home = home("good", Files.readAllBytes(TARGET.resolve(CACHE)));
        for (List<String> command : commands()) {
            Outcome without = run(home, "off", command);
            Outcome with = run(home, "on", command);

            assertFalse(without.fromCache(), "DRIVELOG_AOT=off: no cache");
            assertTrue(with.fromCache(), "the launcher uses the cache: " + with.stderr());
            assertEquals(without.visible(), with.visible(), String.join(" ", command));
        }
    }

    @Test
    void launcher_damagedCache_isIgnoredWithoutAWord() throws Exception {
        byte[] good = Files.readAllBytes(TARGET.resolve(CACHE));
        Map<String, byte[]> damaged = new TreeMap<>();
        damaged.put("empty", new byte[0]);
        damaged.put("truncated", Arrays.copyOf(good, good.length / 3));
        damaged.put("bad-header", overwritten(good, 0));
        // Past the header: only the checksum (-XX:+VerifySharedSpaces) notices; without it the JVM aborts.
        damaged.put("bad-middle", overwritten(good, good.length / 2));
        for (List<String> command : commands()) {
            Outcome reference = run(home("reference", good), "off", command);
            for (Map.Entry<String, byte[]> cache : damaged.entrySet()) {
                Outcome outcome = run(home(cache.getKey(), cache.getValue()), "on", command);
                assertFalse(outcome.fromCache(), cache.getKey());
                assertEquals(reference.visible(), outcome.visible(), cache.getKey() + ": " + String.join(" ", command));
            }
        }
    }

    @Test
    void launcher_cacheOlderThanJar_isNotUsed() throws Exception {
        Path home = home("outdated", Files.readAllBytes(TARGET.resolve(CACHE)));
        FileTime jarTime = Files.getLastModifiedTime(TARGET.resolve("drivelog.jar"));
        Files.setLastModifiedTime(home.resolve(CACHE), FileTime.fromMillis(jarTime.toMillis() - 60_000));
        List<String> info = commands().getFirst();

        Outcome outcome = run(home, "on", info);

        assertFalse(outcome.fromCache(), "a jar rebuilt after the cache: the cache may be another build's");
        assertEquals(run(home, "off", info).visible(), outcome.visible());
    }

    /** A command printing JSON on stdout, and an analysis writing result files. */
    private static List<List<String>> commands() {
        return List.of(List.of("map", "info", map.toString()),
                List.of("analyze", "--map", map.toString(), "--out", "OUT", "--matched", log.toString()));
    }

    private static byte[] overwritten(byte[] cache, int offset) {
        byte[] copy = cache.clone();
        Arrays.fill(copy, offset, Math.min(copy.length, offset + 4096), (byte) 0xff);
        return copy;
    }

    /** A DRIVELOG_HOME of links to target's build, with CACHE holding the given bytes (written now: newer than the jar). */
    private static Path home(String name, byte[] cache) throws IOException {
        Path home = dir.resolve("home-" + name);
        if (Files.notExists(home)) {
            Files.createDirectories(home);
            for (String part : List.of("drivelog.jar", "lib", "lib-demo", "native")) {
                Files.createSymbolicLink(home.resolve(part), TARGET.resolve(part).toAbsolutePath());
            }
        }
        Files.write(home.resolve(CACHE), cache);
        return home;
    }

    /** Runs bin/drivelog on HOME; "OUT" in the command stands for a fresh output directory (the same path each run). */
    private static Outcome run(Path home, String aot, List<String> command) throws Exception {
        Path out = dir.resolve("out");
        FileTrees.delete(out);
        Path classLog = dir.resolve("class-load.log");
        Files.deleteIfExists(classLog);
        List<String> line = new ArrayList<>(List.of(REPO.resolve("bin/drivelog").toString()));
        command.forEach(arg -> line.add(arg.equals("OUT") ? out.toString() : arg));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().put("DRIVELOG_HOME", home.toString());
        builder.environment().put("DRIVELOG_AOT", aot);
        // To a file of its own: stdout and stderr stay what a user sees.
        builder.environment().put("DRIVELOG_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        int exit = builder.start().waitFor();
        boolean fromCache = Files.readAllLines(classLog).stream()
                .anyMatch(l -> l.contains(" dev.drivelog.cli.DrivelogCommand source: shared objects file"));
        return new Outcome(exit, Files.readString(stdout), Files.readString(stderr), FileTrees.contents(out), fromCache);
    }
}
