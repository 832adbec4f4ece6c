package dev.drivelog.analysis;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The native library (libdrivelog.so) loaded once per process through FFM, with its ABI version
 * checked. Where it is looked for: {@link NativeLocation}.
 */
public final class NativeLibrary {
    /** The C ABI version this Java code was written against (DRIVELOG_ABI_VERSION in drivelog.h). */
    public static final int EXPECTED_ABI_VERSION = 5;

    private static volatile NativeLibrary instance;

    private final SymbolLookup symbols;
    private final Path file;

    private NativeLibrary(Path file) {
        this.file = file;
        // The global arena: the library stays loaded for the life of the process, like the map it serves.
        this.symbols = SymbolLookup.libraryLookup(file, Arena.global());
        int abi = abiVersion();
        if (abi != EXPECTED_ABI_VERSION) {
            throw new IllegalStateException("native library " + file + " has ABI version " + abi
                    + " but this drivelog expects " + EXPECTED_ABI_VERSION + ": rebuild with ./mvnw package");
        }
    }

    /** The process-wide library, loaded on first use. */
    public static NativeLibrary get() {
        NativeLibrary local = instance;
        if (local == null) {
            synchronized (NativeLibrary.class) {
                local = instance;
                if (local == null) {
                    Path path = NativeLocation.find().resolve("lib").resolve("libdrivelog.so");
                    if (!Files.isRegularFile(path)) {
                        throw new IllegalStateException("native library not found at " + path
                                + ": build it with ./mvnw package, or set DRIVELOG_NATIVE_DIR");
                    }
                    instance = local = load(path);
                }
            }
        }
        return local;
    }

    /**
     * Loads {@code file} and checks its ABI version before anything else is called in it.
     *
     * @throws IllegalStateException naming the file, both versions and what to do, when the versions differ
     */
    static NativeLibrary load(Path file) {
        return new NativeLibrary(file);
    }

    /** Looks up an exported C function; fails with the symbol's name if the library lacks it. */
    public MethodHandle function(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        MemorySegment address = symbols.find(name)
                .orElseThrow(() -> new IllegalStateException("native library " + file + " lacks " + name));
        return Linker.nativeLinker().downcallHandle(address, descriptor, options);
    }

    public Path file() {
        return file;
    }

    public int abiVersion() {
        try {
            return (int) function("drivelog_abi_version", FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("calling drivelog_abi_version in " + file, t);
        }
    }

    public String version() {
        try {
            MemorySegment text = (MemorySegment) function("drivelog_version",
                    FunctionDescriptor.of(ValueLayout.ADDRESS)).invokeExact();
            return text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("calling drivelog_version in " + file, t);
        }
    }
}
