package dev.drivelog.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Baseline for {@link InitTimeBenchmark}: a handler that builds nothing and answers {@code {}}. */
public final class EmptyHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
