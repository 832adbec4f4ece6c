package dev.drivelog.analysis.ffm;

import dev.drivelog.logs.CsvScanColumns;
import java.lang.foreign.MemorySegment;

/**
 * Segments over a read's scan columns (heap arrays, passed in place to the critical CSV and JSON Lines
 * scan downcalls), made once per read, not per call.
 */
record ColumnSegments(long capacity, MemorySegment time, MemorySegment lat, MemorySegment lon, MemorySegment speed,
                      MemorySegment heading, MemorySegment accuracy, MemorySegment vehicleAt,
                      MemorySegment vehicleLength, MemorySegment kind, MemorySegment scanned) {

    static ColumnSegments over(CsvScanColumns c) {
        return new ColumnSegments(c.capacity, MemorySegment.ofArray(c.time), MemorySegment.ofArray(c.lat),
                MemorySegment.ofArray(c.lon), MemorySegment.ofArray(c.speed), MemorySegment.ofArray(c.heading),
                MemorySegment.ofArray(c.accuracy), MemorySegment.ofArray(c.vehicleAt),
                MemorySegment.ofArray(c.vehicleLength), MemorySegment.ofArray(c.kind), MemorySegment.ofArray(c.scanned));
    }
}
