package dev.drivelog.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escape_markupCharacters_becomeEntities() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;",
                Html.escape("<script>alert(\"x\")</script> & '"));
    }

    @Test
    void escape_controlCharacters_becomeReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFDc\td", Html.escape("a\u0000b\u007fc\td"));
    }

    @Test
    void escape_plainUnicode_isKept() {
        assertEquals("Hauptstraße 東京", Html.escape("Hauptstraße 東京"));
    }
}
