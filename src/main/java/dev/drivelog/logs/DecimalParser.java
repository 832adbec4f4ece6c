package dev.drivelog.logs;

/**
 * Parses the plain decimals drive logs are made of ({@code -13.412345}, {@code 36}) without going
 * through Double.parseDouble, which dominated the CSV profile. Exact: a mantissa below 2^53 divided
 * by a power of ten up to 10^22 is one correctly rounded IEEE operation on two exact values (the
 * fast path of W. Clinger, "How to read floating point numbers accurately", 1990). Anything else
 * (exponents, long mantissas, NaN) goes to Double.parseDouble.
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
    static double parse(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits >= 18) {
                    return Double.parseDouble(text);
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
                return Double.parseDouble(text); // exponent, spaces, NaN, garbage: the full parser decides
            }
        }
        boolean hasDigit = n - (negative || (n > 0 && text.charAt(0) == '+') ? 1 : 0) - (point ? 1 : 0) > 0;
        if (!hasDigit || mantissa >= MAX_EXACT_MANTISSA || fractionDigits >= POWERS_OF_TEN.length) {
            return Double.parseDouble(text);
        }
        double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }
}
