package dev.drivelog.storage;

/**
 * Part sizes of a multipart upload whose total size is not known in advance. S3 allows at most
 * 10,000 parts of at most 5 GiB each; parts need not be equal. Starting at the configured size,
 * the size doubles after every 500 parts (up to the largest Java array), so an upload never runs
 * out of part numbers before S3's 5 TiB object limit, even from 5 MiB parts. Outputs up to
 * 500 x the first size (4 GB at 8 MiB) use equal parts.
 */
public record PartSizePlan(int firstPartSizeBytes) {
    /** S3's limit on part numbers. */
    public static final int MAX_PARTS = 10_000;
    static final int PARTS_PER_STEP = 500;
    static final long MAX_PART_SIZE_BYTES = 5L * 1024 * 1024 * 1024;

    /** Size of part {@code partNumber} (1-based). Capped below 2 GiB: a part is held in one Java array. */
    public int sizeOf(int partNumber) {
        if (partNumber < 1 || partNumber > MAX_PARTS) {
            throw new IllegalArgumentException("part number " + partNumber + " outside 1.." + MAX_PARTS);
        }
        int doublings = (partNumber - 1) / PARTS_PER_STEP;
        long size = (long) firstPartSizeBytes << Math.min(doublings, 30);
        return (int) Math.min(size, Math.min(MAX_PART_SIZE_BYTES, Integer.MAX_VALUE - 8));
    }

    /** Largest total an upload can reach with this plan. */
    public long capacityBytes() {
        long total = 0;
        for (int part = 1; part <= MAX_PARTS; part++) {
            total += sizeOf(part);
        }
        return total;
    }
}
