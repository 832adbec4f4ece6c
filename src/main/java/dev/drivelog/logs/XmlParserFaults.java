package dev.drivelog.logs;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * A StAX reader whose parser's unchecked exceptions on moving through the document come out as
 * {@link XMLStreamException}s at the reader's position. Aalto 1.3.3 throws a bare RuntimeException for
 * some malformed documents (an element named {@code xmlns:a}, which the namespaces specification
 * forbids): that is a bad input, to be named as such, not a failure of the program.
 */
final class XmlParserFaults extends StreamReaderDelegate {
    XmlParserFaults(XMLStreamReader reader) {
        super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
        try {
            return super.next();
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    @Override
    public boolean hasNext() throws XMLStreamException {
        try {
            return super.hasNext();
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    @Override
    public String getElementText() throws XMLStreamException {
        try {
            return super.getElementText();
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    private XMLStreamException translated(RuntimeException e) {
        return new Positioned(e, getLocation());
    }

    /** The parser's words alone as the message (the position goes with it, not into it). */
    private static final class Positioned extends XMLStreamException {
        Positioned(RuntimeException cause, Location where) {
            super(cause.getMessage());
            location = where;
            initCause(cause);
        }
    }
}
