package dev.drivelog.reconcile;

/** An {@code s3://bucket/prefix} location as given on the command line; the prefix may be empty. */
public record S3Uri(String bucket, String prefix) {
    public S3Uri {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("S3 location without a bucket");
        }
        prefix = prefix == null ? "" : prefix;
    }

    /** Parses {@code s3://bucket} or {@code s3://bucket/some/prefix}. */
    public static S3Uri parse(String text) {
        if (!text.startsWith("s3://")) {
            throw new IllegalArgumentException("expected s3://bucket/prefix, got '" + text + "'");
        }
        String rest = text.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("expected s3://bucket/prefix, got '" + text + "' (no bucket)");
        }
        return new S3Uri(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
