package dev.drivelog.job;

/** The S3 location of one input's results; {@code prefix} ends with '/'. */
public record ResultPrefix(String bucket, String prefix) {
    /** Name of the commit marker, written last. */
    public static final String MANIFEST = "manifest.json";

    public String keyOf(String fileName) {
        if (fileName.isEmpty() || fileName.contains("/") || fileName.equals("..") || fileName.equals(".")) {
            throw new IllegalArgumentException("result file name must be a plain name, got '" + fileName + "'");
        }
        return prefix + fileName;
    }

    /** The prefix's own last segment (without the slash), e.g. {@code fleet.csv-0123abcd...}: names the input's dataset parts. */
    public String name() {
        String withoutSlash = prefix.substring(0, prefix.length() - 1);
        return withoutSlash.substring(withoutSlash.lastIndexOf('/') + 1);
    }

    public String manifestKey() {
        return prefix + MANIFEST;
    }

    public String uri() {
        return "s3://" + bucket + "/" + prefix;
    }
}
