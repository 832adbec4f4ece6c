package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drivelog map synth} end to end through the native drivelog-synth tool. */
class MapSynthCommandTest {
    @TempDir
    Path dir;

    @Test
    void synth_sameSeedTwice_writesIdenticalPbf() throws IOException {
        Path first = dir.resolve("a.osm.pbf");
        Path second = dir.resolve("b.osm.pbf");
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("map", "synth", "--seed", "4", "--scale", "small", "--out", first.toString()));
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("map", "synth", "--seed", "4", "--scale", "small", "--out", second.toString(), "--threads", "2"));
        byte[] bytes = Files.readAllBytes(first);
        // An OSM PBF starts with the length of its first BlobHeader, then the "OSMHeader" type.
        assertTrue(new String(Arrays.copyOfRange(bytes, 0, 32), java.nio.charset.StandardCharsets.ISO_8859_1).contains("OSMHeader"));
        assertArrayEquals(bytes, Files.readAllBytes(second));
    }

    @Test
    void synth_unknownScale_isUsageErrorAndWritesNothing() {
        Path out = dir.resolve("never.osm.pbf");
        assertEquals(ExitCodes.USAGE, DrivelogCommand.execute("map", "synth", "--scale", "galaxy", "--out", out.toString()));
        assertFalse(Files.exists(out));
    }
}
