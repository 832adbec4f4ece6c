package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code bin/drivelog} finds its build and a JDK, now that it reads them with bash's built-ins
 * rather than {@code readlink}, {@code dirname} and {@code sed}: through a symbolic link from another
 * directory, a JAVA_HOME whose release file names JDK 25 (quoted, without a last newline) run as it
 * is, one that names an older JDK passed over.
 */
class LauncherFindsJdkIT {
    private static final Path REPO = Path.of(System.getProperty("drivelog.repo.dir", ".")).toAbsolutePath();

    @TempDir
    Path dir;

    record Run(int exitCode, String stdout, String stderr) {}

    @Test
    void launcher_startedThroughASymbolicLinkElsewhere_findsItsBuild() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("drivelog"), REPO.resolve("bin/drivelog"));

        Run run = run(List.of(link.toString(), "--version"), null);

        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().startsWith("drivelog "), run.stdout());
    }

    @Test
    void launcher_javaHomeOfJdk25_isRunWithTheCommandLine() throws Exception {
        Path calls = dir.resolve("calls.txt");
        Path jdk = fakeJdk("jdk25", "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"25.0.1\"", calls);

        Run run = run(List.of(REPO.resolve("bin/drivelog").toString(), "analyze", "--help"), jdk);

        assertEquals(0, run.exitCode(), run.stderr());
        String call = Files.readString(calls);
        assertTrue(call.contains("dev.drivelog.cli.DrivelogCommand analyze --help"), call);
    }

    @Test
    void launcher_javaHomeOfAnOlderJdk_isPassedOver() throws Exception {
        Path calls = dir.resolve("calls.txt");
        Path jdk = fakeJdk("jdk17", "JAVA_VERSION=\"17.0.2\"\n", calls);

        Run run = run(List.of(REPO.resolve("bin/drivelog").toString(), "--version"), jdk);

        assertFalse(Files.exists(calls), "the JDK 17 was run");
        assertEquals(0, run.exitCode(), run.stderr()); // another JDK 25 on this machine ran it
        assertTrue(run.stdout().contains("java 25"), run.stdout());
    }

    /** A JDK directory whose bin/java appends its arguments to {@code calls} and exits 0. */
    private Path fakeJdk(String name, String release, Path calls) throws Exception {
        Path jdk = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
        Files.writeString(jdk.resolve("release"), release);
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\necho \"$*\" >> '" + calls + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk;
    }

    private Run run(List<String> line, Path javaHome) throws Exception {
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(line).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        if (javaHome != null) builder.environment().put("JAVA_HOME", javaHome.toString());
        int exit = builder.start().waitFor();
        return new Run(exit, Files.readString(stdout), Files.readString(stderr));
    }
}
