package dev.drivelog.fleet;

import dev.drivelog.job.OutputSink;
import dev.drivelog.reconcile.S3Uri;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The datasets under an S3 output prefix (the pipeline's {@code pipeline.output_prefix}). The client is the caller's to close. */
record S3DatasetFiles(S3Client s3, S3Uri root) implements DatasetFiles {
    @Override
    public List<String> list(String dataset) {
        String prefix = prefix() + dataset + "/";
        List<String> paths = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(root.bucket()).prefix(prefix).build())
                .contents()) {
            if (object.key().endsWith(OutputSink.DATASET_PART_SUFFIX)) {
                paths.add(object.key().substring(prefix().length()));
            }
        }
        paths.sort(null);
        return paths;
    }

    @Override
    public InputStream open(String path) {
        return s3.getObject(b -> b.bucket(root.bucket()).key(prefix() + path));
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private String prefix() {
        return root.prefix().isEmpty() || root.prefix().endsWith("/") ? root.prefix() : root.prefix() + "/";
    }
}
