package dev.drivelog.analysis.ffm;

import dev.drivelog.analysis.AnalysisException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A reference map opened (mmapped) by the native library, shared read-only by every analyzer on it.
 * {@link #shared} keeps one per map file for the life of the process, as the map is the heaviest
 * thing a container holds; it is closed at shutdown once no analyzer uses it any more (a map still
 * in use at exit is left to the operating system rather than unmapped under a running analysis).
 */
public final class NativeMap {
    private static final int ERROR_BYTES = 1024;
    private static final Map<Path, NativeMap> SHARED = new HashMap<>();
    private static boolean shutdownHookAdded;

    private final Path file;
    private final NativeFunctions functions;
    private MemorySegment handle;
    private int users;

    private NativeMap(Path file, NativeFunctions functions, MemorySegment handle) {
        this.file = file;
        this.functions = functions;
        this.handle = handle;
    }

    /**
     * The process-wide map for {@code file}, opened on first use.
     *
     * @throws AnalysisException (permanent) when the file is missing, damaged or of another version
     */
    public static NativeMap shared(Path file) throws AnalysisException {
        Path key = canonical(file);
        synchronized (SHARED) {
            NativeMap map = SHARED.get(key);
            if (map == null) {
                map = open(key);
                SHARED.put(key, map);
                if (!shutdownHookAdded) {
                    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(NativeMap::closeUnusedAtExit));
                    shutdownHookAdded = true;
                }
            }
            return map;
        }
    }

    /**
     * Ahead of the analysis (on a thread of its own, during a container's init): loads the library,
     * opens {@code file} as the shared map and links the downcalls that analysing and naming results
     * need, the analysing one first (it is needed last), so that a thread opening the analysis at
     * the same time links the others or finds them linked.
     *
     * @throws AnalysisException as {@link #shared}
     */
    public static void prepare(Path file) throws AnalysisException {
        shared(file);
        NativeFunctions functions = NativeFunctions.get();
        functions.analyze.handle();
        functions.analyzerCreate.handle();
        functions.mapInfoJson.handle();
        functions.effectiveConfig.handle();
    }

    /** Opens a map owned by the caller, who must {@link #close} it after its analyzers. */
    public static NativeMap open(Path file) throws AnalysisException {
        NativeFunctions functions = NativeFunctions.get();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment out = call.allocate(ValueLayout.ADDRESS);
            MemorySegment error = call.allocate(ERROR_BYTES);
            int status = (int) functions.mapOpen.handle().invokeExact(
                    call.allocateFrom(file.toString(), StandardCharsets.UTF_8), out, error, (long) ERROR_BYTES);
            if (status != NativeStatus.OK) {
                throw new AnalysisException("cannot open map " + file + ": " + error.getString(0), true);
            }
            return new NativeMap(file, functions, out.get(ValueLayout.ADDRESS, 0));
        } catch (AnalysisException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("calling drivelog_map_open for " + file, t);
        }
    }

    public Path file() {
        return file;
    }

    /** The map's header and counts as JSON (what {@code drivelog map info} prints). */
    public synchronized String infoJson() {
        MemorySegment map = requireOpen();
        try (Arena call = Arena.ofConfined()) {
            long size = 4096;
            while (true) {
                MemorySegment buffer = call.allocate(size);
                long needed = (long) functions.mapInfoJson.handle().invokeExact(map, buffer, size);
                if (needed < size) {
                    return buffer.getString(0, StandardCharsets.UTF_8);
                }
                size = needed + 1;
            }
        } catch (Throwable t) {
            throw new IllegalStateException("calling drivelog_map_info_json for " + file, t);
        }
    }

    /** Registers an analyzer on this map and returns the native handle it is created on. */
    synchronized MemorySegment acquire() {
        MemorySegment map = requireOpen();
        users++;
        return map;
    }

    /** An analyzer on this map was destroyed. */
    synchronized void release() {
        users--;
    }

    /**
     * Unmaps the map.
     *
     * @throws IllegalStateException while analyzers on it still exist (they would read unmapped memory)
     */
    public synchronized void close() {
        if (handle == null) {
            return;
        }
        if (users > 0) {
            throw new IllegalStateException("map " + file + " still has " + users + " analyzer(s); close them first");
        }
        try {
            functions.mapClose.handle().invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("calling drivelog_map_close for " + file, t);
        } finally {
            handle = null;
        }
    }

    private MemorySegment requireOpen() {
        if (handle == null) {
            throw new IllegalStateException("map " + file + " is closed");
        }
        return handle;
    }

    private static void closeUnusedAtExit() {
        synchronized (SHARED) {
            for (NativeMap map : SHARED.values()) {
                synchronized (map) {
                    if (map.users == 0) {
                        map.close();
                    }
                }
            }
            SHARED.clear();
        }
    }

    private static Path canonical(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            // Let the native open report the missing file with its own message.
            return file.toAbsolutePath().normalize();
        }
    }
}
