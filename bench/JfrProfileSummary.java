import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's CPU samples for docs/BENCHMARKS.md (bench/analyze-e2e.sh runs it in
 * source-file mode: {@code java bench/JfrProfileSummary.java FILE.jfr [TOP [METHOD...]]}). Prints:
 * <ul>
 * <li>how the samples split between Java code ({@code jdk.ExecutionSample}) and native code entered
 *     from Java ({@code jdk.NativeMethodSample}: here the engine behind the FFM downcall);</li>
 * <li>Java samples by the nearest drivelog frame on the stack (so {@code String.<init>} called by the
 *     CSV splitter counts for the splitter), the view that says which of our code costs what;</li>
 * <li>Java samples by top frame (self time).</li>
 * </ul>
 */
public final class JfrProfileSummary {
    private JfrProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Integer> byOwnFrame = new HashMap<>();
        Map<String, Integer> bySelf = new HashMap<>();
        Map<String, Integer> nativeByOwnFrame = new HashMap<>();
        List<String> stages = args.length > 2 ? List.of(args).subList(2, args.length) : List.of();
        Map<String, Integer> javaThrough = new HashMap<>();
        Map<String, Integer> nativeThrough = new HashMap<>();
        int java = 0;
        int nativeSamples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            boolean isJava = type.equals("jdk.ExecutionSample");
            if (!isJava && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            if (event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            String own = nearestOwnFrame(frames);
            boolean idle = !isJava && isIdleWait(frames.getFirst());
            if (!idle) {
                Map<String, Integer> through = isJava ? javaThrough : nativeThrough;
                boolean any = false;
                for (String stage : stages) {
                    if (frames.stream().anyMatch(frame -> name(frame.getMethod()).equals(stage))) {
                        through.merge(stage, 1, Integer::sum);
                        any = true;
                    }
                }
                if (any) {
                    through.merge("(any of these)", 1, Integer::sum);
                }
            }
            if (isJava) {
                java++;
                byOwnFrame.merge(own, 1, Integer::sum);
                bySelf.merge(name(frames.getFirst().getMethod()), 1, Integer::sum);
            } else if (!idle) {
                nativeSamples++;
                nativeByOwnFrame.merge(own, 1, Integer::sum);
            }
        }
        int all = java + nativeSamples;
        System.out.printf(Locale.ROOT, "samples: %d Java, %d native (%.1f %% Java)%n", java, nativeSamples,
                all == 0 ? 0 : 100.0 * java / all);
        print("native samples by nearest drivelog frame", nativeByOwnFrame, nativeSamples, top);
        print("Java samples by nearest drivelog frame", byOwnFrame, java, top);
        print("Java samples by top frame (self)", bySelf, java, top);
        if (!stages.isEmpty()) {
            System.out.println("samples through (inclusive):");
            for (String stage : Stream.concat(stages.stream(), Stream.of("(any of these)")).toList()) {
                System.out.printf(Locale.ROOT, "  Java %5d (%4.1f %%)  native %5d  %s%n", javaThrough.getOrDefault(stage, 0),
                        java == 0 ? 0 : 100.0 * javaThrough.getOrDefault(stage, 0) / java, nativeThrough.getOrDefault(stage, 0), stage);
            }
        }
    }

    /** Threads parked in native waits (reading a pipe, polling) are sampled as native too, but use no CPU. */
    private static boolean isIdleWait(RecordedFrame frame) {
        String method = name(frame.getMethod());
        return method.contains("Unsafe.park") || method.contains("Object.wait") || method.contains("Thread.sleep")
                || method.contains(".read0") || method.contains(".poll") || method.contains("epollWait")
                || method.contains("accept") || method.contains("waitForProcessExit") || method.contains("readBytes");
    }

    private static String nearestOwnFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String method = name(frame.getMethod());
            if (method.startsWith("dev.drivelog.")) {
                return method;
            }
        }
        return "(no drivelog frame) " + name(frames.getFirst().getMethod());
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top) {
        System.out.println(title + ":");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %6d  %s%n",
                        total == 0 ? 0 : 100.0 * e.getValue() / total, e.getValue(), e.getKey()));
    }
}
