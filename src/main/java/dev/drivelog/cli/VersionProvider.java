package dev.drivelog.cli;

import dev.drivelog.analysis.NativeLibrary;
import picocli.CommandLine;

/** {@code drivelog --version}: the Java and the native versions, so a mismatch is visible. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String javaSide = String.valueOf(DrivelogCommand.class.getPackage().getImplementationVersion());
        String nativeSide;
        try {
            NativeLibrary library = NativeLibrary.get();
            nativeSide = library.version() + " (ABI " + library.abiVersion() + ", " + library.file() + ")";
        } catch (RuntimeException e) {
            nativeSide = "unavailable: " + e.getMessage();
        }
        return new String[] {"drivelog " + javaSide, "native " + nativeSide, "java " + Runtime.version()};
    }
}
