package dev.drivelog.logs;

/**
 * {@link String#strip()} and {@link String#isBlank()} for any {@link CharSequence}, as index bounds,
 * so that the byte-level readers can trim a field of a line without copying it. Same rule as the
 * String methods: {@link Character#isWhitespace}.
 */
final class Blanks {
    private Blanks() {
    }

    /** The index of the first non-blank character, or the length when there is none. */
    static int start(CharSequence text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** One past the last non-blank character at or after {@code start}. */
    static int end(CharSequence text, int start) {
        int end = text.length();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    static boolean isBlank(CharSequence text) {
        return start(text) == text.length();
    }

    /** The text without leading and trailing blanks, as a String. */
    static String strip(CharSequence text) {
        if (text instanceof String s) {
            return s.strip();
        }
        int start = start(text);
        return text.subSequence(start, end(text, start)).toString();
    }
}
