package dev.drivelog.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the results of an input go: {@code <outputPrefix><readable name>-<hash>/}. The hash is a
 * SHA-256 over bucket, key, version (or ETag) and the result version (engine and configuration),
 * so the same input analysed by the same engine always lands in the same place (which is what
 * makes duplicates detectable) and a new engine writes beside, not over, old results. The readable
 * name keeps only {@code [A-Za-z0-9._-]} of the key's last segment, so no input key, whatever it
 * contains ({@code ../}, NUL, unicode, thousands of bytes), can make a key outside the prefix.
 *
 * @param outputBucket  where results go; null means the input's bucket
 * @param outputPrefix  ends with '/' or is empty
 * @param resultVersion identifies engine, map and configuration; a plain path segment ({@code [A-Za-z0-9._-]})
 */
public record ResultLayout(String outputBucket, String outputPrefix, String resultVersion) {
    static final int READABLE_NAME_MAX_CHARS = 64;
    private static final int HASH_HEX_CHARS = 32;

    public ResultLayout {
        if (!outputPrefix.isEmpty() && !outputPrefix.endsWith("/")) {
            outputPrefix = outputPrefix + "/";
        }
        if (outputPrefix.startsWith("/")) {
            throw new IllegalArgumentException("pipeline.output_prefix must not start with '/': " + outputPrefix);
        }
        if (resultVersion == null || !resultVersion.matches("[A-Za-z0-9._-]{1,128}") || resultVersion.matches("\\.+")) {
            // It is a path segment of every dataset part (result_version=<it>/), read back by Athena.
            throw new IllegalArgumentException("the result version (pipeline.result_version, or the analysis's own) must be "
                    + "1 to 128 of [A-Za-z0-9._-] and not only dots, got '" + resultVersion + "'");
        }
    }

    /** The result prefix of one version of an input. {@code versionOrETag} may be null only for inputs that are gone. */
    public ResultPrefix prefixFor(String bucket, String key, String versionOrETag) {
        String hash = hash(bucket, key, versionOrETag == null ? "" : versionOrETag, resultVersion);
        String name = readableName(key);
        String bucketOut = outputBucket == null ? bucket : outputBucket;
        return new ResultPrefix(bucketOut, outputPrefix + (name.isEmpty() ? "" : name + "-") + hash + "/");
    }

    /** The S3 key of one dataset part of an input's results (see {@link OutputSink#datasetPartPath}). */
    public String datasetPartKey(ResultPrefix results, String dataset, String partition) {
        return outputPrefix + OutputSink.datasetPartPath(dataset, resultVersion, partition, results.name());
    }

    /** True when a key lies in the results area of this bucket: such events are our own writes. */
    public boolean isResultKey(String bucket, String key) {
        String bucketOut = outputBucket == null ? bucket : outputBucket;
        return bucketOut.equals(bucket) && !outputPrefix.isEmpty() && key.startsWith(outputPrefix);
    }

    static String readableName(String key) {
        String last = key.substring(key.lastIndexOf('/') + 1);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < last.length() && name.length() < READABLE_NAME_MAX_CHARS; i++) {
            char c = last.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            name.append(safe ? c : '_');
        }
        // No name made only of dots: "." and ".." are path steps to file-system tools that mirror S3.
        return name.chars().allMatch(c -> c == '.') ? "" : name.toString();
    }

    private static String hash(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
