package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VehicleIdsTest {
    private final VehicleIds ids = new VehicleIds();

    @Test
    void of_sameBytesAnywhere_giveTheSameStringInstance() {
        String first = ids.of(text("a,veh-7,b", 2, 7));
        assertEquals("veh-7", first);
        assertSame(first, ids.of(text("xxveh-7", 2, 7)));
        assertEquals("veh-8", ids.of(text("veh-8", 0, 5)));
    }

    @Test
    void of_manyVehicles_growsAndKeepsEachId() {
        String[] seen = new String[5000];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = ids.of(text("v" + i));
        }
        for (int i = 0; i < seen.length; i++) {
            assertSame(seen[i], ids.of(text("v" + i)), "v" + i);
        }
    }

    @Test
    void of_blanksAround_areStrippedLikeString() {
        assertEquals("veh 7", ids.of(text(" veh 7\\t".replace("\\t", "\t"))));
        assertEquals("", ids.of(text("   ")));
        assertEquals("", ids.of(text("")));
    }

    @Test
    void of_pastTheBound_stillDecodesEachId() {
        for (int i = 0; i < VehicleIds.MAX_IDS; i++) {
            ids.of(text("v" + i));
        }
        String late = ids.of(text("late"));
        assertEquals("late", late);
        assertNotSame(late, ids.of(text("late")), "not remembered past the bound");
    }

    private static AsciiText text(String line) {
        return text(line, 0, line.length());
    }

    private static AsciiText text(String line, int from, int to) {
        return new AsciiText().set(line.getBytes(StandardCharsets.US_ASCII), from, to);
    }
}
