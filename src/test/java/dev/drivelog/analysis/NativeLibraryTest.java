package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Loading the native library: the ABI check that keeps the JVM from calling a library of another version. */
class NativeLibraryTest {
    @Test
    void load_libraryOfAnotherAbiVersion_isRefusedNamingTheFileAndBothVersions() {
        // Built by CMake beside the tests: exports drivelog_abi_version() returning 999, nothing else.
        Path mismatched = NativeLocation.find().resolve("test-lib").resolve("libdrivelog_abi_mismatch.so");
        assertTrue(Files.isRegularFile(mismatched), "missing " + mismatched + ": build with ./mvnw package");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeLibrary.load(mismatched));

        assertTrue(e.getMessage().contains(mismatched.toString()) && e.getMessage().contains("ABI version 999")
                && e.getMessage().contains("expects " + NativeLibrary.EXPECTED_ABI_VERSION)
                && e.getMessage().contains("rebuild"), e.getMessage());
    }

    @Test
    void expectedAbiVersion_isTheVersionOfTheHeader() throws IOException {
        Path header = Path.of(System.getProperty("drivelog.repo.dir", "."), "src/main/cpp/capi/drivelog.h");
        Matcher defined = Pattern.compile("#define DRIVELOG_ABI_VERSION (\\d+)").matcher(Files.readString(header));
        assertTrue(defined.find(), "no DRIVELOG_ABI_VERSION in " + header);

        assertEquals(Integer.parseInt(defined.group(1)), NativeLibrary.EXPECTED_ABI_VERSION,
                "the header's ABI changed: update the Java side's calls and EXPECTED_ABI_VERSION together");
    }

    @Test
    void get_builtLibrary_loadsAndReportsItsReleaseVersion() {
        NativeLibrary library = NativeLibrary.get();
        assertEquals(NativeLibrary.EXPECTED_ABI_VERSION, library.abiVersion());
        assertTrue(library.version().matches("\\d+\\.\\d+\\.\\d+"), library.version());
    }
}
