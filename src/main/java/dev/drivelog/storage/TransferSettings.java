package dev.drivelog.storage;

/**
 * Sizes of S3 transfers. Memory per transfer is bounded by part size x parts in flight, never by
 * object size.
 *
 * @param uploadPartSizeBytes        first part size of a multipart upload (S3 minimum 5 MiB; default 8 MiB);
 *                                   outputs up to this size go up in one PUT
 * @param uploadPartsInFlight        parts of one upload sent concurrently
 * @param downloadPartSizeBytes      size of one ranged GET
 * @param downloadPartsInFlight      ranged GETs of one download run ahead of the reader
 * @param rangedDownloadMinimumBytes objects smaller than this are read with one plain GET
 * @param maxConnections             HTTP connection pool size; should cover jobs x parts in flight
 */
public record TransferSettings(
        int uploadPartSizeBytes,
        int uploadPartsInFlight,
        int downloadPartSizeBytes,
        int downloadPartsInFlight,
        long rangedDownloadMinimumBytes,
        int maxConnections) {

    /** S3's smallest allowed part (all but the last). */
    public static final int MINIMUM_PART_SIZE_BYTES = 5 * 1024 * 1024;
    private static final int MIB = 1024 * 1024;

    public TransferSettings {
        if (uploadPartSizeBytes < MINIMUM_PART_SIZE_BYTES) {
            throw new IllegalArgumentException("pipeline.upload_part_size_mib must be at least 5 (S3's minimum part size), got "
                    + uploadPartSizeBytes / (double) MIB);
        }
        requirePositive("pipeline.upload_parts_in_flight", uploadPartsInFlight);
        requirePositive("pipeline.download_part_size_mib", downloadPartSizeBytes);
        requirePositive("pipeline.download_parts_in_flight", downloadPartsInFlight);
        requirePositive("pipeline.max_connections", maxConnections);
        if (rangedDownloadMinimumBytes < 0) {
            throw new IllegalArgumentException("pipeline.ranged_download_minimum_mib must not be negative");
        }
    }

    public static TransferSettings defaults() {
        return new TransferSettings(8 * MIB, 4, 8 * MIB, 8, 16L * MIB, 64);
    }

    private static void requirePositive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
