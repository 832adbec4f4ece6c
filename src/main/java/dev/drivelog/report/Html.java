package dev.drivelog.report;

/** Escaping of text that comes from data (road names, trip ids, log contents) before it enters the page. */
public final class Html {
    private Html() {}

    /**
     * {@code text} safe as element content and as a quoted attribute value: the five markup
     * characters become entities, other control characters (which HTML forbids) become U+FFFD.
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
