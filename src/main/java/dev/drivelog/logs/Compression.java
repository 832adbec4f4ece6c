package dev.drivelog.logs;

import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Compression recognised by magic bytes. Only gzip is decoded (java.util.zip); the others are
 * named in a clear refusal, since no well-kept pure-Java decoder for them is a dependency.
 */
enum Compression {
    NONE(""),
    GZIP(""),
    ZSTD("zstd-compressed: not supported, decompress it or use gzip"),
    BZIP2("bzip2-compressed: not supported, decompress it or use gzip"),
    XZ("xz-compressed: not supported, decompress it or use gzip"),
    ZIP("a zip archive: not supported, unpack it or use gzip");

    private final String refusal;

    Compression(String refusal) {
        this.refusal = refusal;
    }

    String refusal() {
        return refusal;
    }

    /** Looks at the first bytes without consuming them. */
    static Compression sniff(BufferedInputStream in) throws IOException {
        in.mark(8);
        byte[] magic = new byte[6];
        int n = in.readNBytes(magic, 0, magic.length);
        in.reset();
        if (n >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
            return GZIP;
        }
        if (n >= 4 && (magic[0] & 0xFF) == 0x28 && (magic[1] & 0xFF) == 0xB5 && (magic[2] & 0xFF) == 0x2F
                && (magic[3] & 0xFF) == 0xFD) {
            return ZSTD;
        }
        if (n >= 4 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h' && magic[3] >= '1' && magic[3] <= '9') {
            return BZIP2;
        }
        if (n >= 6 && (magic[0] & 0xFF) == 0xFD && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X'
                && magic[4] == 'Z' && magic[5] == 0) {
            return XZ;
        }
        if (n >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            return ZIP;
        }
        return NONE;
    }
}
