package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Numbers written by threads at once, through the one digit buffer per thread: each thread's text as written alone. */
class ResultJsonThreadsTest {
    @Test
    void writeNumber_fromFourThreadsAtOnce_sameTextAsOneThreadAlone() throws Exception {
        List<double[]> inputs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Random random = new Random(t);
            double[] values = new double[50_000];
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.round((random.nextDouble() - 0.5) * 360e7) / 1e7; // coordinates as the engine rounds them
            }
            inputs.add(values);
        }
        List<String> alone = new ArrayList<>();
        for (double[] values : inputs) {
            alone.add(write(values));
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<String>> together = new ArrayList<>();
                for (double[] values : inputs) {
                    together.add(threads.submit((Callable<String>) () -> write(values)));
                }
                for (int t = 0; t < inputs.size(); t++) {
                    assertEquals(alone.get(t), together.get(t).get(), "thread " + t + ", round " + round);
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String write(double[] values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = ResultJson.generator(out)) {
            json.writeStartArray();
            for (double value : values) {
                ResultJson.writeNumber(json, value);
            }
            json.writeEndArray();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
