package dev.drivelog.analysis.ffm;

import dev.drivelog.analysis.AnalysisException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The engine's own account of a configuration ({@code drivelog_effective_config}): every analysis key
 * with its value, defaults filled in. So {@code speeding.tolerance_kmh=5.0}, the same written as its
 * YAML path, and saying nothing at all describe the same analysis, and name results alike.
 */
public final class EngineSettings {
    private static final int ERROR_BYTES = 1024;

    private EngineSettings() {}

    /**
     * @param configText {@code key=value} lines as passed to the analyzer (may be empty)
     * @throws AnalysisException (permanent) naming the line and key when the engine refuses the text
     */
    public static String effective(String configText) throws AnalysisException {
        NativeFunctions functions = NativeFunctions.get();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment config = call.allocateFrom(configText, StandardCharsets.UTF_8);
            MemorySegment needed = call.allocate(ValueLayout.JAVA_LONG);
            MemorySegment error = call.allocate(ERROR_BYTES);
            long size = 4096;
            while (true) {
                MemorySegment buffer = call.allocate(size);
                int status = (int) functions.effectiveConfig.handle().invokeExact(config, buffer, size, needed, error,
                        (long) ERROR_BYTES);
                if (status != NativeStatus.OK) {
                    throw new AnalysisException("the engine refuses the configuration: " + error.getString(0), true);
                }
                long length = needed.get(ValueLayout.JAVA_LONG, 0);
                if (length < size) {
                    return buffer.getString(0, StandardCharsets.UTF_8);
                }
                size = length + 1;
            }
        } catch (AnalysisException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("calling drivelog_effective_config", t);
        }
    }
}
