package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeLibraryTest {
    @Test
    void get_builtLibrary_reportsExpectedAbiAndVersion() {
        NativeLibrary library = NativeLibrary.get();
        assertEquals(NativeLibrary.EXPECTED_ABI_VERSION, library.abiVersion());
        assertTrue(library.version().matches("\\d+\\.\\d+\\.\\d+"), library.version());
    }
}
