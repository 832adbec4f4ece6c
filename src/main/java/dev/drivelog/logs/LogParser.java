package dev.drivelog.logs;

import java.io.IOException;
import java.io.InputStream;

/** Reads one format's records from decoded bytes and hands each point to the sink. */
interface LogParser {
    /**
     * Skips and counts what it cannot read; throws only when the input as a whole is unreadable
     * (e.g. a CSV header without a latitude column).
     */
    void parse(InputStream in, PointSink sink) throws IOException, UnreadableLogException;
}
