package dev.drivelog.logs;

/**
 * Parses the plain decimals drive logs are made of ({@code -13.412345}, {@code 36}) without going
 * through Double.parseDouble, which dominated the CSV profile. Exact: a mantissa below 2^53 divided
 * by a power of ten up to 10^22 is one correctly rounded IEEE operation on two exact values (the
 * fast path of W. Clinger, "How to read floating point numbers accurately", 1990). Anything else
 * (exponents, long mantissas, NaN) goes to Double.parseDouble. Reads any {@link CharSequence}, so
 * that a field of a line in a byte buffer ({@link AsciiText}) is parsed where it lies.
 */
final class DecimalParser {
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private DecimalParser() {
    }

    /** @throws NumberFormatException as Double.parseDouble does */
    static double parse(CharSequence text) {
        return parse(text, 0, text.length());
    }

    /**
     * Parses {@code text[from, to)}.
     *
     * @throws NumberFormatException as Double.parseDouble does for that part of the text
     */
    static double parse(CharSequence text, int from, int to) {
        int n = to - from;
        int i = from;
        boolean negative = false;
        boolean signed = n > 0 && (text.charAt(from) == '-' || text.charAt(from) == '+');
        if (signed) {
            negative = text.charAt(from) == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits >= 18) {
                    return slowly(text, from, to);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    digits++;
                }
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return slowly(text, from, to); // exponent, spaces, NaN, garbage: the full parser decides
            }
        }
        boolean hasDigit = n - (signed ? 1 : 0) - (point ? 1 : 0) > 0;
        if (!hasDigit || mantissa >= MAX_EXACT_MANTISSA || fractionDigits >= POWERS_OF_TEN.length) {
            return slowly(text, from, to);
        }
        double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }

    /**
     * {@link #parse(CharSequence, int, int)}'s fast path over ASCII bytes {@code bytes[from, to)}: the
     * same value where that path decides, NaN where it would hand the text to Double.parseDouble
     * (which the caller then does on the text, or not at all). The same steps as above, byte for
     * char, so that a reader working on its buffer (NMEA) gets the String reader's values; it never
     * returns NaN otherwise.
     */
    static double parseFastOrNaN(byte[] bytes, int from, int to) {
        int n = to - from;
        int i = from;
        boolean negative = false;
        boolean signed = n > 0 && (bytes[from] == '-' || bytes[from] == '+');
        if (signed) {
            negative = bytes[from] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < to; i++) {
            int c = bytes[i];
            if (c >= '0' && c <= '9') {
                if (digits >= 18) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (mantissa != 0) {
                    digits++;
                }
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        boolean hasDigit = n - (signed ? 1 : 0) - (point ? 1 : 0) > 0;
        if (!hasDigit || mantissa >= MAX_EXACT_MANTISSA || fractionDigits >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }

    private static double slowly(CharSequence text, int from, int to) {
        return Double.parseDouble(text.subSequence(from, to).toString());
    }
}
