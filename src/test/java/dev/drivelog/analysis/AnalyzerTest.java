package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.drivelog.logs.Trip;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
    /** Records its closing in `closed`; throws `failure` from close() if set. */
    private record Closing(String name, List<String> closed, RuntimeException failure) implements Analyzer {
        @Override
        public String analyze(Trip trip) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed.add(name);
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Test
    void closeAll_oneFails_closesTheOthersAndThrowsTheFirstWithLaterOnesSuppressed() {
        List<String> closed = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("child hung");
        IllegalStateException second = new IllegalStateException("map unmapped twice");
        List<Analyzer> analyzers = List.of(new Closing("a", closed, null), new Closing("b", closed, first),
                new Closing("c", closed, second), new Closing("d", closed, null));
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Analyzer.closeAll(analyzers));
        assertSame(first, thrown);
        assertSame(second, thrown.getSuppressed()[0]);
        assertEquals(List.of("a", "b", "c", "d"), closed);
    }

    @Test
    void closeAll_noneFails_closesEveryOne() {
        List<String> closed = new ArrayList<>();
        Analyzer.closeAll(List.of(new Closing("a", closed, null), new Closing("b", closed, null)));
        assertEquals(List.of("a", "b"), closed);
    }
}
