package dev.idemlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentFilesTest {
    private static SourceFile file(String text) {
        return SourceFile.of(Path.of("x.py"), "x.py", text);
    }

    @Test
    void remembers_by_identity_not_by_equal_content() {
        RecentFiles<String> recent = new RecentFiles<>(4);
        SourceFile a = file("x = 1\n");
        SourceFile twin = file("x = 1\n");
        assertEquals(a.text(), twin.text());
        recent.put(a, "a");
        assertEquals("a", recent.get(a));
        assertNull(recent.get(twin), "a different file object is a different entry");
    }

    @Test
    void forgets_the_oldest_when_full_and_computes_once_while_remembered() {
        RecentFiles<String> recent = new RecentFiles<>(2);
        SourceFile a = file("a\n");
        SourceFile b = file("b\n");
        SourceFile c = file("c\n");
        AtomicInteger computed = new AtomicInteger();
        recent.computeIfAbsent(a, f -> "A" + computed.incrementAndGet());
        assertEquals("A1", recent.computeIfAbsent(a, f -> "A" + computed.incrementAndGet()));
        recent.put(b, "B");
        recent.put(c, "C");
        assertNull(recent.get(a), "a was the oldest of three in a memory of two");
        assertEquals("B", recent.get(b));
        assertEquals("C", recent.get(c));
        assertEquals(1, computed.get());
    }
}
