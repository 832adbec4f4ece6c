package dev.drivelog.job;

import dev.drivelog.storage.ObjectInfo;

/**
 * One input object to analyse, as an event named it.
 *
 * @param versionId  the version the event names, or null (unversioned bucket, or not stated). S3's version
 *                   {@code "null"} (an object written while versioning was off or suspended) is taken as
 *                   null: S3 replaces that version in place, so it names no fixed content (see {@link ObjectInfo})
 * @param eTag       the ETag the event names, or null
 * @param sizeBytes  the size the event states, or -1 when unknown (used for the time estimate only)
 */
public record Job(String bucket, String key, String versionId, String eTag, long sizeBytes) {
    public Job {
        versionId = ObjectInfo.versionOrNull(versionId);
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("job without a bucket");
        }
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("job in bucket " + bucket + " without a key");
        }
    }

    public static Job of(String bucket, String key) {
        return new Job(bucket, key, null, null, -1);
    }

    public String uri() {
        return "s3://" + bucket + "/" + key + (versionId == null ? "" : "?versionId=" + versionId);
    }
}
