package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pre-encoded column names write the same bytes as the names written as Strings, and name every fixed column. */
class ViolationColumnsNamesTest {
    @Test
    void preEncodedNames_writeTheSameBytesAsStrings_andAreTheFixedColumns() throws Exception {
        Set<String> names = new HashSet<>();
        for (Field field : ViolationColumns.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && SerializableString.class.isAssignableFrom(field.getType())) {
                SerializableString name = (SerializableString) field.get(null);
                names.add(name.getValue());
                assertArrayEquals(twoFields(name.getValue(), null), twoFields(null, name), name.getValue());
            }
        }
        assertEquals(ViolationColumns.FIXED, names);
    }

    /** {"a":1,NAME:2} with NAME written either way (the second field, so the comma is the generator's too). */
    private static byte[] twoFields(String plain, SerializableString encoded) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = ResultJson.generator(bytes)) {
            json.writeStartObject();
            json.writeNumberField("a", 1);
            if (plain != null) {
                json.writeFieldName(plain);
            } else {
                json.writeFieldName(encoded);
            }
            json.writeNumber(2);
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }
}
