package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Json's two printers write the same text: the one onto a UTF-8 sink (bytes straight into a buffer,
 * big lazy arrays made and printed in windows on two threads) and the one that builds a String.
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
    void the_utf8_printer_writes_what_the_string_printer_writes_across_windows() throws IOException {
        for (int size : new int[] {0, 1, 511, 512, 513, 1300}) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            Json.Lazy lazy = new Json.Lazy(size, new java.util.function.IntFunction<>() {
                @Override
                public Object apply(int i) {
                    threads.add(Thread.currentThread().getName());
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
            if (size > 512 && java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() > 0) {
                assertTrue(threads.size() > 1, "a window's second half is made on the pool: " + threads);
            }
        }
    }
}
