package dev.drivelog.job;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns one drive-log input (a file or an S3 object: many vehicles and trips) into result files:
 * read and split into trips, analyse each, write summary.json, violations.geojson and the rest.
 * Used alike by {@code drivelog analyze} and by the SQS/S3 pipeline; knows nothing of either.
 */
public interface InputAnalysis {
    /**
     * @param name   the input's name (file name or object key), used for format detection and messages
     * @param input  the raw bytes (possibly compressed); not closed by this method
     * @param sink   where result files go
     * @throws InputRejectedException when the input can never be analysed (unreadable, too large)
     * @throws IOException            for I/O failures that may pass
     */
    InputReport analyze(String name, InputStream input, OutputSink sink) throws IOException, InputRejectedException;
}
