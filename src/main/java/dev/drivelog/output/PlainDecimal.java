package dev.drivelog.output;

/**
 * A double in plain decimal notation, exactly as {@code BigDecimal.valueOf(value).toPlainString()}
 * writes it ({@code 1795161900.5}, {@code 0.000015}, {@code 12345678}), without the two
 * BigDecimal objects and the string round trip that cost per number. With the matched path on,
 * every coordinate of every trip passes here.
 *
 * <p>Nearly every number written is one the engine rounded to a few decimals (coordinates to 7,
 * times to 3, speeds to 1), so it is first tried as such ({@link #fewDigits}): an integer and a
 * number of decimals, checked to give back the very same double, then printed. Anything else takes
 * the shortest digits of {@link Double#toString} with the decimal point moved by the exponent.
 */
final class PlainDecimal {
    /** Below 10^15 every decimal is the shortest of its double (DBL_DIG = 15). */
    private static final double FIFTEEN_DIGITS = 1e15;
    /** Characters {@link #fewDigits(double, char[])} may write: a sign, 15 digits, a point and a zero or two. */
    static final int MAX_LENGTH = 20;

    /** Decimals tried at most; the engine writes up to 7. */
    private static final int MAX_DECIMALS = 9;
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15};
    private static final long[] LONG_POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
            10_000_000L, 100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
            10_000_000_000_000L, 100_000_000_000_000L};

    private PlainDecimal() {
    }

    /** @param value finite */
    static String of(double value) {
        if (value == 0) {
            return "0.0"; // BigDecimal has no negative zero
        }
        String few = fewDigits(value);
        return few != null ? few : viaShortest(value);
    }

    /**
     * The plain text of {@code value} when it is a decimal of at most 15 significant digits and
     * {@value #MAX_DECIMALS} decimals; null otherwise ({@link #fewDigits(double, char[])}).
     */
    static String fewDigits(double value) {
        char[] text = new char[MAX_LENGTH];
        int length = fewDigits(value, text);
        return length < 0 ? null : new String(text, 0, length);
    }

    /**
     * Writes the plain text of {@code value} into {@code out} (at least {@link #MAX_LENGTH} long) when it
     * is a decimal of at most 15 significant digits and {@value #MAX_DECIMALS} decimals, and returns its
     * length; returns -1 otherwise. Such a decimal is the shortest that reads back as {@code value} (no
     * other decimal of 15 digits or fewer reads as the same double), so it is what
     * {@link Double#toString} would choose: only the notation rules of {@link #viaShortest} remain to follow.
     */
    static int fewDigits(double value, char[] out) {
        double magnitude = Math.abs(value);
        if (!(magnitude < FIFTEEN_DIGITS)) {
            return -1;
        }
        int integerDigits = 0;
        while (integerDigits < 15 && magnitude >= POWERS_OF_TEN[integerDigits]) {
            integerDigits++;
        }
        int decimals = Math.min(MAX_DECIMALS, 15 - integerDigits);
        // If a decimal of this many places reads as `magnitude`, the scaled product is within a
        // quarter of that integer (under 10^15, a double's error times 10^decimals stays below 0.25),
        // and the division below, one correctly rounded operation on two exact values, is what
        // reading it does: equal means it reads back as this very double.
        double scaled = Math.rint(magnitude * POWERS_OF_TEN[decimals]);
        if (scaled == 0 || scaled >= FIFTEEN_DIGITS || scaled / POWERS_OF_TEN[decimals] != magnitude) {
            return -1;
        }
        long digits = (long) scaled;
        while (decimals > 0) {
            long tenth = digits / 10; // one long division a step, not two (C1 calls the runtime for each: put)
            if (digits - 10 * tenth != 0) {
                break;
            }
            digits = tenth;
            decimals--;
        }
        return format(value < 0, digits, decimals, out);
    }

    /**
     * {@code digits * 10^-decimals} (no trailing zero in {@code digits} when {@code decimals > 0}) as
     * {@link #viaShortest} would write it: Double.toString's plain form ({@code 12.0}) from 10^-3 to
     * 10^7, and from its scientific form otherwise, where a one-digit significand keeps Double.toString's
     * {@code .0} ({@code 1.0E-4} becomes {@code 0.00010}) and a whole number gets no point ({@code 12345678}).
     */
    private static int format(boolean negative, long digits, int decimals, char[] out) {
        int length = 1;
        while (length < 15 && digits >= LONG_POWERS_OF_TEN[length]) {
            length++;
        }
        int exponent = length - 1 - decimals; // of the first digit
        int at = 0;
        if (negative) {
            out[at++] = '-';
        }
        if (decimals == 0) {
            at = put(digits, length, out, at);
            if (exponent < 7) {
                out[at++] = '.';
                out[at++] = '0';
            }
        } else if (length > decimals) {
            long unit = LONG_POWERS_OF_TEN[decimals];
            long integer = digits / unit;
            at = put(integer, length - decimals, out, at);
            out[at++] = '.';
            at = put(digits - integer * unit, decimals, out, at);
        } else {
            out[at++] = '0';
            out[at++] = '.';
            for (int i = length; i < decimals; i++) {
                out[at++] = '0';
            }
            at = put(digits, length, out, at);
            if (exponent < -3 && length == 1) {
                out[at++] = '0';
            }
        }
        return at;
    }

    /**
     * True when {@code text[start, end)} is exactly what {@link #of} writes for the double it reads as
     * ({@link Double#parseDouble}), so that a writer may copy it: a plain decimal {@code -?I.F} whose
     * integer part {@code I} is {@code 0} or up to 7 digits without a leading zero, whose fraction {@code F}
     * has 1 to 9 digits and ends in a non-zero digit, with at most 15 significant digits, and at least
     * 0.001 in magnitude. Such a decimal is {@link #fewDigits}' own: it reads back as its double, has
     * no shorter form, and needs neither the point of a whole number ({@code 12.0}), the scientific
     * range (from 10^7 on) nor the trailing zero below 10^-3 ({@code 0.00010}). Anything else answers
     * false (the caller parses and formats). {@code PlainDecimalTest} holds the two to each other.
     */
    static boolean isOwnText(byte[] text, int start, int end) {
        int at = start;
        if (at < end && text[at] == '-') {
            at++;
        }
        int integerStart = at;
        while (at < end && isDigit(text[at])) {
            at++;
        }
        int integerDigits = at - integerStart;
        if (integerDigits == 0 || integerDigits > 7 || at == end || text[at] != '.') {
            return false;
        }
        boolean belowOne = text[integerStart] == '0';
        if (belowOne && integerDigits > 1) {
            return false; // a leading zero
        }
        int fractionStart = ++at;
        while (at < end && isDigit(text[at])) {
            at++;
        }
        int fractionDigits = at - fractionStart;
        if (at != end || fractionDigits == 0 || fractionDigits > MAX_DECIMALS || text[end - 1] == '0') {
            return false;
        }
        if (belowOne) {
            // At least 0.001: a non-zero digit among the first three decimals (and so at most 9 significant).
            return text[fractionStart] != '0' || (fractionDigits > 1 && text[fractionStart + 1] != '0')
                    || (fractionDigits > 2 && text[fractionStart + 2] != '0');
        }
        return integerDigits + fractionDigits <= 15;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Writes {@code value} (below 10^{@code width}) as exactly {@code width} digits (leading zeros) at
     * {@code at}; returns the end. Digit by digit in {@code int}: C1, the launcher's JIT for
     * {@code drivelog analyze}, calls into the runtime for every {@code long} division and remainder
     * (two a digit before), so a long of more than nine digits is split once into its high part and its
     * last nine digits.
     */
    private static int put(long value, int width, char[] out, int at) {
        int i = at + width - 1;
        int high;
        if (value >= 1_000_000_000L) {
            long upper = value / 1_000_000_000L;
            int low = (int) (value - upper * 1_000_000_000L);
            for (int k = 0; k < 9; k++) {
                out[i--] = (char) ('0' + low % 10);
                low /= 10;
            }
            high = (int) upper; // below 10^6: values here are below 10^15
        } else {
            high = (int) value;
        }
        for (; i >= at; i--) {
            out[i] = (char) ('0' + high % 10);
            high /= 10;
        }
        return at + width;
    }

    /** Any finite non-zero double: the shortest digits of {@link Double#toString}, the point moved by its exponent. */
    static String viaShortest(double value) {
        String shortest = Double.toString(value);
        int e = shortest.indexOf('E');
        if (e < 0) {
            return shortest; // 1e-3 <= |value| < 1e7: already plain, and BigDecimal keeps the same digits
        }
        boolean negative = value < 0;
        int first = negative ? 1 : 0;
        int point = shortest.indexOf('.');
        int exponent = Integer.parseInt(shortest, e + 1, shortest.length(), 10);
        // The significand's digits without its point: "1.7951619005E9" -> "17951619005", point after 1 digit.
        StringBuilder digits = new StringBuilder(e - first);
        digits.append(shortest, first, point).append(shortest, point + 1, e);
        int pointAt = point - first + exponent;
        StringBuilder out = new StringBuilder(digits.length() + Math.abs(exponent) + 3);
        if (negative) {
            out.append('-');
        }
        if (pointAt <= 0) {
            out.append("0.");
            out.repeat('0', -pointAt);
            out.append(digits);
        } else if (pointAt >= digits.length()) {
            out.append(digits);
            out.repeat('0', pointAt - digits.length());
        } else {
            out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
        }
        return out.toString();
    }
}
