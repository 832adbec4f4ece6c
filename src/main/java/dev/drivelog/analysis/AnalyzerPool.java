package dev.drivelog.analysis;

import dev.drivelog.logs.Trip;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A thread-safe {@link Analyzer} over single-threaded ones: each call borrows an idle analyzer (or
 * creates one, up to {@code maxAnalyzers}; beyond that callers wait) and gives it back afterwards.
 * So concurrent callers each get their own native analyzer or child process, and a quiet pool keeps
 * its analyzers (and their buffers) warm for the next trip. Closing the pool closes every analyzer.
 */
public final class AnalyzerPool implements Analyzer {
    /** Makes one analyzer; called lazily, at most {@code maxAnalyzers} times at once alive. */
    @FunctionalInterface
    public interface Factory {
        Analyzer create() throws AnalysisException;
    }

    private final Factory factory;
    private final Semaphore permits;
    private final Deque<Analyzer> idle = new ArrayDeque<>();
    private final List<Analyzer> all = new ArrayList<>();
    private boolean closed;

    public AnalyzerPool(Factory factory, int maxAnalyzers) {
        if (maxAnalyzers < 1) {
            throw new IllegalArgumentException("maxAnalyzers must be at least 1, not " + maxAnalyzers);
        }
        this.factory = factory;
        this.permits = new Semaphore(maxAnalyzers, true);
    }

    @Override
    public String analyze(Trip trip) throws AnalysisException {
        return withAnalyzer(analyzer -> analyzer.analyze(trip));
    }

    @Override
    public byte[] analyzeUtf8(Trip trip) throws AnalysisException {
        return withAnalyzer(analyzer -> analyzer.analyzeUtf8(trip));
    }

    /** One call on a borrowed analyzer. */
    private interface Call<T> {
        T on(Analyzer analyzer) throws AnalysisException;
    }

    private <T> T withAnalyzer(Call<T> call) throws AnalysisException {
        permits.acquireUninterruptibly();
        try {
            Analyzer analyzer = borrow();
            try {
                return call.on(analyzer);
            } finally {
                giveBack(analyzer);
            }
        } finally {
            permits.release();
        }
    }

    /** Creates one analyzer now and keeps it idle: surfaces a bad map or config before the first trip. */
    public void warmUp() throws AnalysisException {
        permits.acquireUninterruptibly();
        try {
            giveBack(borrow());
        } finally {
            permits.release();
        }
    }

    /** Analyzers created so far (for tests and statistics). */
    public synchronized int created() {
        return all.size();
    }

    private Analyzer borrow() throws AnalysisException {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("analyzer pool is closed");
            }
            Analyzer analyzer = idle.pollFirst();
            if (analyzer != null) {
                return analyzer;
            }
        }
        // Created outside the lock: starting a child process or a native analyzer takes a while.
        Analyzer created = factory.create();
        synchronized (this) {
            if (closed) {
                created.close();
                throw new IllegalStateException("analyzer pool is closed");
            }
            all.add(created);
        }
        return created;
    }

    private synchronized void giveBack(Analyzer analyzer) {
        if (closed) {
            analyzer.close();
        } else {
            idle.addFirst(analyzer);
        }
    }

    /** Closes the idle analyzers now and busy ones as they come back. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Analyzer.closeAll(idle);
        } finally {
            idle.clear();
        }
    }
}
