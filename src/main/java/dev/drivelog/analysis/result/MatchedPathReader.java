package dev.drivelog.analysis.result;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the {@code matched} array of the engine's result straight from its UTF-8 bytes, without a JSON
 * parser: each stretch's fields into a {@link MatchedSegment}, and its {@code coordinates} array checked
 * against JSON's grammar and kept as a slice of those bytes ({@link Positions#ofText}), neither copied nor
 * parsed. With {@code --matched} nearly all of a result is that array, and tokenising every coordinate
 * (then copying, checking and writing it number by number) was most of what the path cost the Java side
 * (docs/BENCHMARKS.md, "The matched path copied, not parsed").
 *
 * <p>Only the engine's plain shape is taken, each value as {@link TripResultStream}'s Jackson reading would
 * make it: the fields the engine writes, in any order; numbers in JSON's grammar (an integer id of up to
 * 18 digits, a time as the double Jackson makes of it, the coordinates' pairs unread); strings without
 * escapes, in well-formed UTF-8; JSON's white space anywhere. Anything else (an unknown field, an escape,
 * a position that is not a pair, broken JSON) declines the whole array: the caller reads the result with
 * Jackson instead, so that Jackson and data binding stay the judges of every other text. One reader per
 * array; not thread safe.
 */
final class MatchedPathReader {
    /** Not the plain shape: the caller reads the result with Jackson. */
    static final class Declined extends Exception {
        private static final long serialVersionUID = 1L;

        private Declined() {
            super(null, null, false, false);
        }
    }

    static final Declined DECLINED = new Declined();
    /** Longer numbers are left to Jackson, whose limits (StreamReadConstraints) then apply as before. */
    private static final int MAX_NUMBER_LENGTH = 64;
    /** Integers of up to 18 digits fit a long; longer ones are left to Jackson. */
    private static final int MAX_INTEGER_DIGITS = 18;
    /** Below 2^53 a mantissa is exact, and so is its quotient by an exact power of ten, correctly rounded. */
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    private static final double[] POWERS_OF_TEN = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
            1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private static final byte[][] NAMES = {bytes("osm_way_id"), bytes("road_name"), bytes("start_time"),
            bytes("end_time"), bytes("forward"), bytes("segment"), bytes("coordinates")};
    private static final int OSM_WAY_ID = 0;
    private static final int ROAD_NAME = 1;
    private static final int START_TIME = 2;
    private static final int END_TIME = 3;
    private static final int FORWARD = 4;
    private static final int SEGMENT = 5;
    private static final int COORDINATES = 6;

    private final byte[] b;
    private final int end;
    private int at;
    /** While a path is read: every number so far a plain decimal ({@link #scanNumber}). */
    private boolean plain;

    /** A reader of the array that starts at {@code utf8[start]}. */
    MatchedPathReader(byte[] utf8, int start) {
        this.b = utf8;
        this.end = utf8.length;
        this.at = start;
    }

    /** Where reading stopped: after the array, once {@link #read} returned. */
    int position() {
        return at;
    }

    /** The stretches of the array; the reader then stands after its {@code ]}. */
    List<MatchedSegment> read() throws Declined {
        expect('[');
        List<MatchedSegment> segments = new ArrayList<>();
        skipWhiteSpace();
        if (peek() == ']') {
            at++;
            return segments;
        }
        while (true) {
            segments.add(segment());
            skipWhiteSpace();
            byte c = next();
            if (c == ']') {
                return segments;
            }
            if (c != ',') {
                throw DECLINED;
            }
            skipWhiteSpace();
        }
    }

    /**
     * True when only the result's closing brace follows (white space around it aside): the engine writes
     * {@code matched} last. What comes after that brace is not looked at, as Jackson does not.
     */
    boolean onlyTheEndFollows() {
        skipWhiteSpace();
        return peek() == '}';
    }

    private MatchedSegment segment() throws Declined {
        expect('{');
        long osmWayId = 0;
        String roadName = null;
        double startTime = 0;
        double endTime = 0;
        boolean forward = false;
        Integer segment = null;
        Positions coordinates = null;
        int seen = 0;
        skipWhiteSpace();
        if (peek() == '}') {
            throw DECLINED; // lacks the fields data binding insists on
        }
        while (true) {
            int field = name();
            skipWhiteSpace();
            expect(':');
            skipWhiteSpace();
            switch (field) {
                case OSM_WAY_ID -> osmWayId = integer(MAX_INTEGER_DIGITS);
                case ROAD_NAME -> roadName = string();
                case START_TIME -> startTime = number();
                case END_TIME -> endTime = number();
                case FORWARD -> forward = bool();
                case SEGMENT -> segment = literal('n', "null") ? null : (int) integer(9);
                case COORDINATES -> coordinates = coordinates();
                default -> throw DECLINED;
            }
            seen |= 1 << field;
            skipWhiteSpace();
            byte c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw DECLINED;
            }
            skipWhiteSpace();
        }
        int required = 1 << OSM_WAY_ID | 1 << START_TIME | 1 << END_TIME | 1 << FORWARD;
        if ((seen & required) != required) {
            throw DECLINED;
        }
        return new MatchedSegment(osmWayId, roadName, startTime, endTime, forward, segment, coordinates);
    }

    /** A field name: which of {@link #NAMES}; any other name, or one with an escape or a byte outside ASCII, declines. */
    private int name() throws Declined {
        expect('"');
        int start = at;
        while (at < end && b[at] != '"') {
            if (b[at] == '\\' || b[at] < 0x20) { // a byte outside ASCII is negative
                throw DECLINED;
            }
            at++;
        }
        if (at == end) {
            throw DECLINED;
        }
        int length = at - start;
        at++;
        for (int field = 0; field < NAMES.length; field++) {
            byte[] name = NAMES[field];
            if (name.length == length && Arrays.equals(b, start, start + length, name, 0, length)) {
                return field;
            }
        }
        throw DECLINED;
    }

    /**
     * A JSON array of pairs of numbers, kept as text: its grammar checked, its numbers not read, and
     * whether it is compact and every number a plain decimal ({@link Positions#plainDecimals}), in one
     * pass: this is nearly every byte of the result.
     */
    private Positions coordinates() throws Declined {
        if (literal('n', "null")) {
            return null;
        }
        int start = at;
        expect('[');
        int i = at;
        boolean compact = true;
        plain = true;
        int pairs = 0;
        // What comes next: 0 a pair's '[' (or, before the first, the array's ']'), 1 lon, 2 ',', 3 lat,
        // 4 the pair's ']', 5 ',' or the array's ']'.
        int next = 0;
        while (true) {
            if (i < end && Positions.isWhiteSpace(b[i])) {
                i = skipWhiteSpace(i);
                compact = false;
            }
            if (i >= end) {
                throw DECLINED;
            }
            byte c = b[i];
            switch (next) {
                case 0 -> {
                    if (c == ']' && pairs == 0) {
                        at = i + 1;
                        return Positions.ofText(b, start, at, 0, compact, plain);
                    }
                    i = expect(c, '[', i);
                }
                case 1, 3 -> i = scanNumber(i);
                case 2 -> i = expect(c, ',', i);
                case 4 -> {
                    i = expect(c, ']', i);
                    pairs++;
                }
                default -> {
                    if (c == ']') {
                        at = i + 1;
                        return Positions.ofText(b, start, at, pairs, compact, plain);
                    }
                    i = expect(c, ',', i);
                    next = -1;
                }
            }
            next++;
        }
    }

    /** The index after {@code i} when the byte there, {@code c}, is {@code expected}; else declines. */
    private static int expect(byte c, char expected, int i) throws Declined {
        if (c != expected) {
            throw DECLINED;
        }
        return i + 1;
    }

    /**
     * JSON's number grammar from {@code i}, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; returns
     * its end. Also clears {@link #plain} unless the number is a plain decimal as
     * {@link Positions#plainDecimals} defines it: {@code -?I.F}, {@code I} 0 or up to 7 digits, {@code F} 1
     * to 9 digits ending in a non-zero one, at most 15 digits, at least 0.001 in magnitude.
     */
    private int scanNumber(int i) throws Declined {
        int start = i;
        if (i < end && b[i] == '-') {
            i++;
        }
        int integerStart = i;
        if (i >= end || !isDigit(b[i])) {
            throw DECLINED;
        }
        if (b[i] == '0') {
            i++;
        } else {
            do {
                i++;
            } while (i < end && isDigit(b[i]));
        }
        int integerDigits = i - integerStart;
        boolean isPlain = false;
        if (i < end && b[i] == '.') {
            i++;
            int fractionStart = i;
            if (i >= end || !isDigit(b[i])) {
                throw DECLINED;
            }
            do {
                i++;
            } while (i < end && isDigit(b[i]));
            int fractionDigits = i - fractionStart;
            isPlain = integerDigits <= 7 && fractionDigits <= 9 && integerDigits + fractionDigits <= 15 && b[i - 1] != '0'
                    && (b[integerStart] != '0' || b[fractionStart] != '0'
                        || (fractionDigits > 1 && b[fractionStart + 1] != '0')
                        || (fractionDigits > 2 && b[fractionStart + 2] != '0'));
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            isPlain = false;
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (i >= end || !isDigit(b[i])) {
                throw DECLINED;
            }
            do {
                i++;
            } while (i < end && isDigit(b[i]));
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw DECLINED;
        }
        if (!isPlain) {
            plain = false;
        }
        return i;
    }

    /** A JSON integer of at most {@code maxDigits} digits (a fraction or an exponent declines: Jackson's token would be a float). */
    private long integer(int maxDigits) throws Declined {
        int start = at;
        int stop = scanNumber(at);
        boolean negative = b[start] == '-';
        int digits = stop - start - (negative ? 1 : 0);
        long value = 0;
        for (int i = stop - digits; i < stop; i++) {
            if (!isDigit(b[i])) {
                throw DECLINED;
            }
            value = value * 10 + (b[i] - '0');
        }
        if (digits > maxDigits) {
            throw DECLINED;
        }
        at = stop;
        return negative ? -value : value;
    }

    /**
     * A JSON number as the double Jackson gives for it: an integer through its long ({@code -0} is 0.0), a
     * number with a fraction correctly rounded (Jackson's reading and {@link Double#parseDouble} both are),
     * by one exact division where the digits allow it.
     */
    private double number() throws Declined {
        int start = at;
        int stop = scanNumber(at);
        at = stop;
        int i = start;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = -1; // none: an integer
        for (; i < stop; i++) {
            byte c = b[i];
            if (c == '.') {
                decimals = 0;
                continue;
            }
            if (!isDigit(c)) {
                return slowly(start, stop); // an exponent
            }
            if (++digits > MAX_INTEGER_DIGITS) {
                if (decimals < 0) {
                    throw DECLINED; // an integer past a long: Jackson's slow path decides
                }
                return slowly(start, stop);
            }
            mantissa = mantissa * 10 + (c - '0');
            if (decimals >= 0) {
                decimals++;
            }
        }
        if (decimals < 0) {
            return negative ? -mantissa : mantissa; // a long's double; 0 for -0
        }
        if (mantissa >= MAX_EXACT_MANTISSA || decimals >= POWERS_OF_TEN.length) {
            return slowly(start, stop);
        }
        double value = mantissa / POWERS_OF_TEN[decimals];
        return negative ? -value : value;
    }

    private double slowly(int start, int stop) {
        return Double.parseDouble(new String(b, start, stop - start, StandardCharsets.ISO_8859_1));
    }

    /** A JSON string without escapes or control characters, in well-formed UTF-8; or null. */
    private String string() throws Declined {
        if (literal('n', "null")) {
            return null;
        }
        expect('"');
        int start = at;
        boolean ascii = true;
        while (true) {
            if (at >= end) {
                throw DECLINED;
            }
            int c = b[at] & 0xFF;
            if (c == '"') {
                break;
            }
            if (c >= 0x80) {
                at += sequenceLength(at);
                ascii = false;
            } else if (c == '\\' || c < 0x20) {
                throw DECLINED;
            } else {
                at++;
            }
        }
        String text = new String(b, start, at - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        at++;
        return text;
    }

    /**
     * The length of the UTF-8 sequence at {@code i} if it is well formed (RFC 3629: no overlong form, no
     * surrogate, at most U+10FFFF), where a decoder and Jackson read the same characters; else declines.
     */
    private int sequenceLength(int i) throws Declined {
        int lead = b[i] & 0xFF;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 3;
            if (lead == 0xE0) {
                low = 0xA0;
            } else if (lead == 0xED) {
                high = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 4;
            if (lead == 0xF0) {
                low = 0x90;
            } else if (lead == 0xF4) {
                high = 0x8F;
            }
        } else {
            throw DECLINED;
        }
        if (i + n > end) {
            throw DECLINED;
        }
        int second = b[i + 1] & 0xFF;
        if (second < low || second > high) {
            throw DECLINED;
        }
        for (int k = 2; k < n; k++) {
            int c = b[i + k] & 0xFF;
            if (c < 0x80 || c > 0xBF) {
                throw DECLINED;
            }
        }
        return n;
    }

    private boolean bool() throws Declined {
        if (literal('t', "true")) {
            return true;
        }
        if (literal('f', "false")) {
            return false;
        }
        throw DECLINED;
    }

    /** True, and past it, when {@code word} stands here; false when the byte here is not {@code first}. */
    private boolean literal(char first, String word) throws Declined {
        if (peek() != first) {
            return false;
        }
        if (at + word.length() > end) {
            throw DECLINED;
        }
        for (int k = 1; k < word.length(); k++) {
            if (b[at + k] != word.charAt(k)) {
                throw DECLINED;
            }
        }
        at += word.length();
        return true;
    }

    private void expect(char c) throws Declined {
        if (next() != c) {
            throw DECLINED;
        }
    }

    private byte next() {
        return at < end ? b[at++] : 0;
    }

    private byte peek() {
        return at < end ? b[at] : 0;
    }

    private void skipWhiteSpace() {
        at = skipWhiteSpace(at);
    }

    private int skipWhiteSpace(int i) {
        while (i < end && Positions.isWhiteSpace(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
