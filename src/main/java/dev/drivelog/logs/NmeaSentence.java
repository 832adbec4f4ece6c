package dev.drivelog.logs;

/**
 * One NMEA 0183 sentence ({@code $GPRMC,...*hh}) with its checksum verified: the XOR of every
 * character between {@code $} and {@code *}, as two hex digits. A sentence without a checksum is
 * refused: receivers always send one, and a missing one usually means a line cut short. A field's
 * text is cut from the sentence only when asked for (a fix reads about half of them; a String per
 * field was a sixth of the reading's CPU).
 */
final class NmeaSentence {
    private final String text;
    private final String talker;
    private final String type;
    /** Where each field after the address starts in {@link #text}; one more entry: the end of the last + 1. */
    private final int[] starts;
    private final int count;

    private NmeaSentence(String text, String talker, String type, int[] starts, int count) {
        this.text = text;
        this.talker = talker;
        this.type = type;
        this.starts = starts;
        this.count = count;
    }

    /** The two-letter source (GP, GN, GL, GA, BD, GB, GQ, ...); "" for proprietary or unknown addresses. */
    String talker() {
        return talker;
    }

    /** The sentence type (RMC, GGA, VTG, ...), or the whole address when it is proprietary or unknown. */
    String type() {
        return type;
    }

    static NmeaSentence parse(String text) throws MalformedRecordException {
        if (text.isEmpty() || text.charAt(0) != '$') {
            throw new MalformedRecordException("not an NMEA sentence");
        }
        int star = text.lastIndexOf('*');
        if (star < 0) {
            throw new MalformedRecordException("NMEA sentence without checksum (cut short?)");
        }
        String trailer = text.substring(star + 1).strip();
        if (trailer.length() != 2) {
            throw new MalformedRecordException("NMEA checksum '" + trailer + "' is not two hex digits");
        }
        int expected;
        try {
            expected = Integer.parseInt(trailer, 16);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("NMEA checksum '" + trailer + "' is not two hex digits");
        }
        int computed = 0;
        int commas = 0;
        for (int i = 1; i < star; i++) {
            char c = text.charAt(i);
            computed ^= c;
            if (c == ',') {
                commas++;
            }
        }
        if (computed != expected) {
            throw new MalformedRecordException(String.format("NMEA checksum mismatch (computed %02X, sentence says %s)",
                    computed, trailer.toUpperCase(java.util.Locale.ROOT)));
        }
        int addressEnd = text.indexOf(',');
        if (addressEnd < 0 || addressEnd > star) {
            addressEnd = star;
        }
        int[] starts = new int[commas + 1];
        int count = 0;
        for (int i = addressEnd; i < star; i++) {
            if (text.charAt(i) == ',') {
                starts[count++] = i + 1;
            }
        }
        starts[count] = star + 1;
        String address = text.substring(1, addressEnd);
        if (address.length() < 5 || address.charAt(0) == 'P') {
            // Proprietary ($P...) or unknown addresses: valid sentences that carry no fix for us.
            return new NmeaSentence(text, "", address, starts, count);
        }
        return new NmeaSentence(text, address.substring(0, address.length() - 3), address.substring(address.length() - 3),
                starts, count);
    }

    /** The field at {@code index} (0: the first data field), or "" when the sentence is shorter (older NMEA versions omit trailing fields). */
    String field(int index) {
        return index < count ? text.substring(starts[index], starts[index + 1] - 1) : "";
    }
}
