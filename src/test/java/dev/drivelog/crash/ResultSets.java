package dev.drivelog.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The result sets in a bucket, as a reader sees them: every object under the output prefix,
 * grouped by result prefix ({@code results/<name>-<hash>/}), keyed by the input named in the
 * set's manifest (sets without a manifest are keyed by their prefix, so they show up). An input's
 * parts of the shared datasets ({@code results/violations/result_version=.../dt=.../<name>-<hash>.jsonl},
 * likewise {@code trip_summaries}) belong to its set, as {@code violations/result_version=.../dt=...}
 * (docs/OUTPUTS.md).
 */
final class ResultSets {
    static final String OUTPUT_PREFIX = "results/";
    static final String MANIFEST = "manifest.json";
    /** The shared datasets under the output prefix. */
    static final List<String> DATASETS = List.of("violations/", "trip_summaries/");
    /** Manifest fields that say when and by which request the set was committed, not what it holds. */
    private static final List<String> RUN_FIELDS = List.of("finished_at", "request_id", "message_id", "trace_id");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One result set: its files by name relative to the prefix. */
    record ResultSet(String prefix, Map<String, byte[]> files) {
        boolean committed() {
            return files.containsKey(MANIFEST);
        }

        JsonNode manifest() {
            try {
                return JSON.readTree(files.get(MANIFEST));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable manifest under " + prefix, e);
            }
        }

        /**
         * The manifest without the fields that differ between two runs over equal inputs: the run's
         * ids, the input's bucket, and the bucket's share in the names of the dataset parts (their
         * name is the result prefix's, whose hash covers the bucket).
         */
        JsonNode manifestContent() {
            ObjectNode manifest = (ObjectNode) manifest();
            manifest.remove(RUN_FIELDS);
            ((ObjectNode) manifest.get("input")).remove("bucket");
            ObjectNode outputs = (ObjectNode) manifest.get("outputs");
            if (outputs != null) {
                ObjectNode renamed = manifest.putObject("outputs");
                outputs.properties().forEach(output -> renamed.set(DATASETS.stream().anyMatch(output.getKey()::startsWith)
                        ? output.getKey().substring(0, output.getKey().lastIndexOf('/')) : output.getKey(), output.getValue()));
            }
            return manifest;
        }

        /** Every file of this set is in {@code other} with equal bytes (this set may have fewer files). */
        boolean isPartOf(ResultSet other) {
            return !files.isEmpty() && files.entrySet().stream()
                    .allMatch(file -> Arrays.equals(file.getValue(), other.files.get(file.getKey())));
        }

        /** Equal file names and, apart from the manifest's run fields, equal bytes. */
        boolean sameContentAs(ResultSet other) {
            return files.keySet().equals(other.files.keySet()) && differingFiles(other).isEmpty();
        }

        /** The files of this set whose content differs in {@code other} (the manifest apart from its run fields). */
        List<String> differingFiles(ResultSet other) {
            List<String> differing = new java.util.ArrayList<>();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                boolean same = file.getKey().equals(MANIFEST)
                        ? other.files.containsKey(MANIFEST) && manifestContent().equals(other.manifestContent())
                        : Arrays.equals(file.getValue(), other.files.get(file.getKey()));
                if (!same) {
                    differing.add(file.getKey() + (file.getKey().equals(MANIFEST) ? " " + manifestContent() + " vs " + other.manifestContent() : ""));
                }
            }
            return differing;
        }
    }

    private ResultSets() {}

    /** Every result set in {@code bucket}, by input key (or by prefix when uncommitted). */
    static Map<String, ResultSet> read(S3Client s3, String bucket) {
        Map<String, Map<String, byte[]>> byPrefix = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(OUTPUT_PREFIX)).contents()) {
            String key = object.key();
            byte[] content = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
            String prefix;
            String file;
            if (DATASETS.stream().anyMatch(d -> key.startsWith(OUTPUT_PREFIX + d)) && key.endsWith(".jsonl")) {
                int partName = key.lastIndexOf('/') + 1;
                prefix = OUTPUT_PREFIX + key.substring(partName, key.length() - ".jsonl".length()) + "/";
                file = key.substring(OUTPUT_PREFIX.length(), partName - 1);
            } else {
                int end = key.indexOf('/', OUTPUT_PREFIX.length());
                prefix = end < 0 ? key : key.substring(0, end + 1);
                file = key.substring(prefix.length());
            }
            byPrefix.computeIfAbsent(prefix, p -> new TreeMap<>()).put(file, content);
        }
        Map<String, ResultSet> sets = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, byte[]>> entry : byPrefix.entrySet()) {
            ResultSet set = new ResultSet(entry.getKey(), entry.getValue());
            String name = set.committed() ? set.manifest().get("input").get("key").asText() : entry.getKey();
            if (sets.put(name, set) != null) {
                throw new AssertionError("two result sets for " + name + " in " + bucket);
            }
        }
        return sets;
    }

    /** Manifests (commit markers) under the output prefix of {@code bucket}. */
    static long manifestCount(S3Client s3, String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(OUTPUT_PREFIX)).contents().stream()
                .filter(o -> o.key().endsWith("/" + MANIFEST)).count();
    }
}
