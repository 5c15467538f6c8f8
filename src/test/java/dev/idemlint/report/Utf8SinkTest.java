package dev.idemlint.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8SinkTest {
    private static byte[] through(CharSequence... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Sink sink = new Utf8Sink(bytes);
        for (CharSequence p : parts) {
            sink.append(p);
        }
        sink.flush();
        return bytes.toByteArray();
    }

    @Test
    void encodes_like_the_jdk_including_astral_and_lone_surrogates() throws IOException {
        String text = "ascii, é, ü, € (3 bytes), 😀 (4 bytes), lone \uD83D high, lone \uDE00 low, end";
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), through(text));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), through(new StringBuilder(text)));
    }

    @Test
    void keeps_every_byte_across_buffer_boundaries() throws IOException {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            big.append(i % 7 == 0 ? "€" : i % 11 == 0 ? "😀" : "x");
        }
        String text = big.toString();
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), through(text.substring(0, 65_535), text.substring(65_535)));
    }
}
