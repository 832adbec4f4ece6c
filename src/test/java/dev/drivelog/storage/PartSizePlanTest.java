package dev.drivelog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartSizePlanTest {
    private static final int MIB = 1024 * 1024;
    private static final long FIVE_TIB = 5L * 1024 * 1024 * 1024 * 1024;

    @Test
    void sizeOf_firstFiveHundredParts_isConfiguredSizeThenDoubles() {
        PartSizePlan plan = new PartSizePlan(8 * MIB);
        assertEquals(8 * MIB, plan.sizeOf(1));
        assertEquals(8 * MIB, plan.sizeOf(500));
        assertEquals(16 * MIB, plan.sizeOf(501));
    }

    @Test
    void capacityBytes_defaultPartSize_reachesS3ObjectLimitWithinTenThousandParts() {
        assertTrue(new PartSizePlan(8 * MIB).capacityBytes() >= FIVE_TIB);
        assertTrue(new PartSizePlan(5 * MIB).capacityBytes() >= FIVE_TIB);
    }

    @Test
    void sizeOf_neverExceedsArrayLimit() {
        PartSizePlan plan = new PartSizePlan(512 * MIB);
        assertTrue(plan.sizeOf(10_000) <= Integer.MAX_VALUE - 8);
    }

    @Test
    void sizeOf_partNumberOutsideS3Range_isRefused() {
        PartSizePlan plan = new PartSizePlan(8 * MIB);
        assertThrows(IllegalArgumentException.class, () -> plan.sizeOf(0));
        assertThrows(IllegalArgumentException.class, () -> plan.sizeOf(10_001));
    }
}
