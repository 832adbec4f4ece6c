package dev.drivelog.output;

/**
 * A double in plain decimal notation, exactly as {@code BigDecimal.valueOf(value).toPlainString()}
 * writes it ({@code 1795161900.5}, {@code 0.000015}, {@code 12345678}), without the two
 * BigDecimal objects and the string round trip that cost per number: the shortest digits of
 * {@link Double#toString} with the decimal point moved by the exponent. With the matched path on,
 * every coordinate of every trip passes here.
 */
final class PlainDecimal {
    private PlainDecimal() {
    }

    /** @param value finite */
    static String of(double value) {
        if (value == 0) {
            return "0.0"; // BigDecimal has no negative zero
        }
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
