package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.logs.Trip;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnalyzerPoolTest {
    private static final Trip TRIP = new Trip("v", "t", 0, new double[0], new double[0], new double[0], null, null, null);

    /** Records how many of its kind run at once and whether it was closed. */
    private static final class CountingAnalyzer implements Analyzer {
        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger mostRunning = new AtomicInteger();
        final CountDownLatch release;
        boolean closed;
        int trips;

        CountingAnalyzer(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public String analyze(Trip trip) {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            trips++;
            return "done by " + System.identityHashCode(this);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void analyze_manyConcurrentCallers_neverMoreAnalyzersThanTheLimit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<CountingAnalyzer> made = new ArrayList<>();
        AnalyzerPool pool = new AnalyzerPool(() -> {
            synchronized (made) {
                CountingAnalyzer analyzer = new CountingAnalyzer(release);
                made.add(analyzer);
                return analyzer;
            }
        }, 3);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(callers.submit(() -> pool.analyze(TRIP)));
        }
        while (CountingAnalyzer.running.get() < 3) {
            Thread.onSpinWait();
        }
        release.countDown();
        for (Future<String> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();

        assertEquals(3, pool.created());
        assertEquals(3, CountingAnalyzer.mostRunning.get());
        assertEquals(8, made.stream().mapToInt(a -> a.trips).sum());
        pool.close();
        assertTrue(made.stream().allMatch(a -> a.closed), "close closes every analyzer");
    }

    @Test
    void analyze_sequentialCalls_reuseOneAnalyzer() throws Exception {
        CountDownLatch open = new CountDownLatch(0);
        AnalyzerPool pool = new AnalyzerPool(() -> new CountingAnalyzer(open), 4);

        String first = pool.analyze(TRIP);
        String second = pool.analyze(TRIP);

        assertEquals(first, second);
        assertEquals(1, pool.created());
    }

    @Test
    void warmUp_factoryRefuses_failsWithItsException() {
        AnalyzerPool pool = new AnalyzerPool(() -> {
            throw new AnalysisException("cannot open map /nowhere", true);
        }, 2);

        AnalysisException e = assertThrows(AnalysisException.class, pool::warmUp);
        assertEquals("cannot open map /nowhere", e.getMessage());
    }

    @Test
    void analyze_afterClose_isRefused() {
        AnalyzerPool pool = new AnalyzerPool(() -> new CountingAnalyzer(new CountDownLatch(0)), 1);
        pool.close();

        assertThrows(IllegalStateException.class, () -> pool.analyze(TRIP));
    }
}
