package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A big lazy array, made and printed in windows on two threads, prints as the same elements in an
 * ordinary list do; onto a UTF-8 sink, another sink and into a String alike.
 */
class JsonWriteTest {
    /** Values with every kind of JSON value, escapes, non-ASCII text and a surrogate pair. */
    private static Object element(int i) {
        return Json.obj()
                .with("i", i)
                .with("text", "line " + i + ": \"quoted\" \\ tab\t newline\n é ü 漢 \uD83D\uDE00 \u0001")
                .with("empty", List.of())
                .with("nested", Json.obj().with("ok", i % 2 == 0).with("list", List.of("a", i, Json.obj())))
                .with("none", Map.of());
    }

    @Test
    void a_lazy_array_printed_in_windows_reads_as_the_same_list_printed_plainly() throws IOException {
        for (int size : new int[] {0, 1, 511, 512, 513, 1300}) {
            Json.Lazy lazy = new Json.Lazy(size, new java.util.function.IntFunction<>() {
                @Override
                public Object apply(int i) {
                    return element(i);
                }
            });
            Map<String, Object> doc = Json.obj().with("head", "x").with("items", lazy).with("tail", List.of(1, 2));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Utf8Output out = new Utf8Output(bytes);
            Json.write(doc, out);
            out.flush();
            List<Object> plain = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                plain.add(element(i));
            }
            String expected = Json.write(Json.obj().with("head", "x").with("items", plain).with("tail", List.of(1, 2)));
            assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), bytes.toByteArray(), "size " + size);
            assertEquals(Json.parse(expected), Json.parse(bytes.toString(StandardCharsets.UTF_8)));
            StringBuilder text = new StringBuilder();
            Json.write(Json.obj().with("head", "x").with("items", new Json.Lazy(size, new java.util.function.IntFunction<>() {
                @Override
                public Object apply(int i) {
                    return element(i);
                }
            })).with("tail", List.of(1, 2)), text);
            assertEquals(expected, text.toString(), "size " + size + ", a StringBuilder sink");
        }
    }
}
