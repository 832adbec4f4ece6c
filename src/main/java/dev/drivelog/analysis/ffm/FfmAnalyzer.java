package dev.drivelog.analysis.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.Analyzer;
import dev.drivelog.logs.Trip;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * The in-process binding: one native {@code drivelog_analyzer} on a shared {@link NativeMap}, with
 * off-heap column buffers reused from trip to trip and grown (doubled) when a longer trip comes.
 * Used by one thread at a time (the native analyzer is not thread safe); a pool gives one per thread.
 */
public final class FfmAnalyzer implements Analyzer {
    private static final int ERROR_BYTES = 1024;
    private static final int INITIAL_POINTS = 4096;

    private final NativeFunctions functions;
    private final NativeMap map;
    private final Arena fixed = Arena.ofShared();
    private final MemorySegment errorBuffer;
    private final MemorySegment resultPointer;
    private final MemorySegment resultLength;
    private MemorySegment analyzer;

    // The column buffers live in their own arena so that growing can free the old ones.
    private Arena columnsArena;
    private int capacityPoints;
    private MemorySegment time;
    private MemorySegment lat;
    private MemorySegment lon;
    private MemorySegment speed;
    private MemorySegment heading;
    private MemorySegment accuracy;
    private MemorySegment tripIdBuffer;

    /**
     * Creates a native analyzer on {@code map}.
     *
     * @param engineConfig {@code key=value} lines for the engine (keys below {@code analysis:} in
     *                     config/drivelog.yaml), or "" for all defaults
     * @throws AnalysisException (permanent) when the engine refuses the configuration; the message names the key
     */
    public FfmAnalyzer(NativeMap map, String engineConfig) throws AnalysisException {
        this.functions = NativeFunctions.get();
        this.map = map;
        this.errorBuffer = fixed.allocate(ERROR_BYTES);
        this.resultPointer = fixed.allocate(ADDRESS);
        this.resultLength = fixed.allocate(JAVA_LONG);
        this.tripIdBuffer = fixed.allocate(256);
        MemorySegment mapHandle = map.acquire();
        try {
            MemorySegment out = fixed.allocate(ADDRESS);
            MemorySegment config = engineConfig.isEmpty()
                    ? MemorySegment.NULL : fixed.allocateFrom(engineConfig, StandardCharsets.UTF_8);
            int status = (int) functions.analyzerCreate.handle().invokeExact(mapHandle, config, out, errorBuffer, (long) ERROR_BYTES);
            if (status != NativeStatus.OK) {
                throw new AnalysisException("analysis configuration refused: " + errorBuffer.getString(0), true);
            }
            analyzer = out.get(ADDRESS, 0);
        } catch (AnalysisException e) {
            release();
            fixed.close();
            throw e;
        } catch (Throwable t) {
            release();
            fixed.close();
            throw new IllegalStateException("calling drivelog_analyzer_create", t);
        }
        allocateColumns(INITIAL_POINTS);
    }

    @Override
    public String analyze(Trip trip) throws AnalysisException {
        return new String(analyzeUtf8(trip), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] analyzeUtf8(Trip trip) throws AnalysisException {
        if (analyzer == null) {
            throw new IllegalStateException("analyzer is closed");
        }
        int count = trip.count();
        if (count > capacityPoints) {
            allocateColumns(Math.max(count, capacityPoints * 2));
        }
        MemorySegment.copy(trip.timeSeconds(), 0, time, JAVA_DOUBLE, 0, count);
        MemorySegment.copy(trip.lat(), 0, lat, JAVA_DOUBLE, 0, count);
        MemorySegment.copy(trip.lon(), 0, lon, JAVA_DOUBLE, 0, count);
        MemorySegment speedColumn = copyOptional(trip.speedMps(), speed, count);
        MemorySegment headingColumn = copyOptional(trip.headingDeg(), heading, count);
        MemorySegment accuracyColumn = copyOptional(trip.accuracyMeters(), accuracy, count);
        MemorySegment tripId = tripId(trip.tripId());

        int status;
        try {
            status = (int) functions.analyze.handle().invokeExact(analyzer, tripId, (long) count, time, lat, lon,
                    speedColumn, headingColumn, accuracyColumn, resultPointer, resultLength, errorBuffer,
                    (long) ERROR_BYTES);
        } catch (Throwable t) {
            throw new AnalysisException("trip " + trip.tripId() + ": calling drivelog_analyze failed: " + t, false, t);
        }
        if (status != NativeStatus.OK) {
            throw new AnalysisException("trip " + trip.tripId() + ": " + NativeStatus.describe(status) + ": "
                    + errorBuffer.getString(0), status == NativeStatus.BAD_INPUT);
        }
        long length = resultLength.get(JAVA_LONG, 0);
        // The text is owned by the native analyzer until its next call: copy it out now (the one copy
        // of the result on the Java side: it is parsed and written to trips/*.json as these bytes).
        return resultPointer.get(ADDRESS, 0).reinterpret(length).toArray(JAVA_BYTE);
    }

    private static MemorySegment copyOptional(float[] column, MemorySegment buffer, int count) {
        if (column == null) {
            return MemorySegment.NULL;
        }
        MemorySegment.copy(column, 0, buffer, JAVA_FLOAT, 0, count);
        return buffer;
    }

    private MemorySegment tripId(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        if (bytes.length + 1 > tripIdBuffer.byteSize()) {
            // Rare (ids are short); the fixed arena keeps the old buffer until close, which is acceptable.
            tripIdBuffer = fixed.allocate(bytes.length + 1L);
        }
        MemorySegment.copy(bytes, 0, tripIdBuffer, JAVA_BYTE, 0, bytes.length);
        tripIdBuffer.set(JAVA_BYTE, bytes.length, (byte) 0);
        return tripIdBuffer;
    }

    private void allocateColumns(int points) {
        if (columnsArena != null) {
            columnsArena.close();
        }
        columnsArena = Arena.ofShared();
        capacityPoints = points;
        time = columnsArena.allocate(JAVA_DOUBLE, points);
        lat = columnsArena.allocate(JAVA_DOUBLE, points);
        lon = columnsArena.allocate(JAVA_DOUBLE, points);
        speed = columnsArena.allocate(JAVA_FLOAT, points);
        heading = columnsArena.allocate(JAVA_FLOAT, points);
        accuracy = columnsArena.allocate(JAVA_FLOAT, points);
    }

    /** Destroys the native analyzer and frees the buffers; the map stays open (it is shared). */
    @Override
    public void close() {
        if (analyzer == null) {
            return;
        }
        try {
            functions.analyzerDestroy.handle().invokeExact(analyzer);
        } catch (Throwable t) {
            throw new IllegalStateException("calling drivelog_analyzer_destroy", t);
        } finally {
            analyzer = null;
            release();
            columnsArena.close();
            fixed.close();
        }
    }

    private void release() {
        map.release();
    }
}
