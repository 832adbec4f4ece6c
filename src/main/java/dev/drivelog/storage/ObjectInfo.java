package dev.drivelog.storage;

/**
 * One version of an S3 object as a HEAD request saw it.
 *
 * @param versionId null when the bucket is not versioned, or the object has S3's {@code "null"} version
 * @param eTag      the entity tag without quotes; ranged reads are pinned to it
 * @param sizeBytes the stored size (compressed, for a compressed object): what a read must deliver
 * @param gzipLabelled the object says it is gzip (Content-Encoding or Content-Type); content is what decides
 */
public record ObjectInfo(String bucket, String key, String versionId, String eTag, long sizeBytes, boolean gzipLabelled) {
    /** The version id S3 gives objects written while the bucket's versioning was off or suspended. */
    static final String NULL_VERSION = "null";

    public ObjectInfo {
        versionId = versionOrNull(versionId);
    }

    /**
     * {@code versionId}, or null for S3's {@code "null"} version. That one is no identity: each write
     * while versioning is suspended replaces it in place, so two contents share it. Such an object is
     * named and pinned by its ETag, as in an unversioned bucket (results named {@code v:null} would make
     * every later content a "duplicate" of the first, never analysed).
     */
    public static String versionOrNull(String versionId) {
        return NULL_VERSION.equals(versionId) ? null : versionId;
    }
}
