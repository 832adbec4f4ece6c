package dev.drivelog.storage;

/**
 * One version of an S3 object as a HEAD request saw it.
 *
 * @param versionId null when the bucket is not versioned
 * @param eTag      the entity tag without quotes; ranged reads are pinned to it
 */
public record ObjectInfo(String bucket, String key, String versionId, String eTag, long sizeBytes) {}
