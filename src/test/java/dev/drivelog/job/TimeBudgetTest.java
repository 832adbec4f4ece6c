package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {
    private final AtomicLong nowNanos = new AtomicLong();
    private final TimeBudget budget = new TimeBudget(Duration.ofSeconds(60).toNanos(), Duration.ofSeconds(10), nowNanos::get);

    @Test
    void allowsStart_estimatePlusReserveFits_isTrue() {
        assertTrue(budget.allowsStart(Duration.ofSeconds(49)));
    }

    @Test
    void allowsStart_estimateEatsIntoReserve_isFalse() {
        assertFalse(budget.allowsStart(Duration.ofSeconds(51)));
    }

    @Test
    void allowsStart_afterTimePassed_isFalseForSameEstimate() {
        nowNanos.set(Duration.ofSeconds(30).toNanos());
        assertFalse(budget.allowsStart(Duration.ofSeconds(25)));
        assertEquals(Duration.ofSeconds(30), budget.remaining());
    }

    @Test
    void unlimited_allowsAnything() {
        assertTrue(TimeBudget.unlimited().allowsStart(Duration.ofDays(365)));
    }
}
