package dev.drivelog.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * One NMEA 0183 sentence ({@code $GPRMC,...*hh}) with its checksum verified: the XOR of every
 * character between {@code $} and {@code *}, as two hex digits. A sentence without a checksum is
 * refused: receivers always send one, and a missing one usually means a line cut short.
 *
 * @param talker the two-letter source (GP, GN, GL, GA, BD, GB, GQ, ...)
 * @param type   the sentence type (RMC, GGA, VTG, ...)
 * @param fields the fields after the address; {@code fields.get(0)} is the first data field
 */
record NmeaSentence(String talker, String type, List<String> fields) {

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
        for (int i = 1; i < star; i++) {
            computed ^= text.charAt(i);
        }
        if (computed != expected) {
            throw new MalformedRecordException(String.format("NMEA checksum mismatch (computed %02X, sentence says %s)",
                    computed, trailer.toUpperCase(java.util.Locale.ROOT)));
        }
        List<String> parts = new ArrayList<>(20);
        int start = 1;
        for (int i = 1; i <= star; i++) {
            if (i == star || text.charAt(i) == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        String address = parts.getFirst();
        if (address.length() < 5 || address.charAt(0) == 'P') {
            // Proprietary ($P...) or unknown addresses: valid sentences that carry no fix for us.
            return new NmeaSentence("", address, parts.subList(1, parts.size()));
        }
        return new NmeaSentence(address.substring(0, address.length() - 3), address.substring(address.length() - 3),
                parts.subList(1, parts.size()));
    }

    /** The field at {@code index}, or "" when the sentence is shorter (older NMEA versions omit trailing fields). */
    String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }
}
