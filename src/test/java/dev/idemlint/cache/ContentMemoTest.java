package dev.idemlint.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.idemlint.source.FileStamp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's memo of file bytes and digests: kept while the stamp holds, never after a write. */
class ContentMemoTest {
    private static final byte[] KEY = {1, 2, 3};
    private static final byte[] DIGEST = {9};

    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void an_unchanged_file_is_taken_from_the_memo() throws Exception {
        ContentMemo memo = new ContentMemo(0);
        Path f = Files.writeString(tmp.resolve("a.py"), "revision = 'a'\n");
        FileStamp before = memo.stamp(f);
        memo.keep(f, before, KEY, utf8("revision = 'a'\n"), DIGEST);
        ContentMemo.Kept kept = memo.find(f, memo.stamp(f), KEY);
        assertNotNull(kept);
        assertArrayEquals(utf8("revision = 'a'\n"), kept.bytes());
        assertArrayEquals(DIGEST, kept.digest());
        assertNull(memo.find(f, memo.stamp(f), new byte[] {7}), "a digest under another key is no digest");
    }

    @Test
    void a_write_of_the_same_size_with_the_time_set_back_is_seen() throws Exception {
        ContentMemo memo = new ContentMemo(0);
        Path f = Files.writeString(tmp.resolve("a.py"), "revision = 'a'\n");
        FileTime time = Files.getLastModifiedTime(f);
        memo.keep(f, memo.stamp(f), KEY, Files.readAllBytes(f), DIGEST);
        Thread.sleep(20); // the status-change time is kept in ms here: let it move
        Files.writeString(f, "revision = 'b'\n");
        Files.setLastModifiedTime(f, time);
        assertEquals(Files.size(f), 15);
        assertNull(memo.find(f, memo.stamp(f), KEY));
    }

    @Test
    void a_recent_change_is_not_trusted_and_a_replaced_file_is_another_file() throws Exception {
        ContentMemo racy = new ContentMemo();
        Path f = Files.writeString(tmp.resolve("a.py"), "x = 1\n");
        racy.keep(f, racy.stamp(f), KEY, Files.readAllBytes(f), DIGEST);
        assertEquals(0, racy.size(), "written just now: not kept");

        ContentMemo memo = new ContentMemo(0);
        memo.keep(f, memo.stamp(f), KEY, Files.readAllBytes(f), DIGEST);
        Path g = Files.writeString(tmp.resolve("b.py"), "x = 2\n");
        FileTime time = Files.getLastModifiedTime(f);
        Files.move(g, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(f, time);
        assertNull(memo.find(f, memo.stamp(f), KEY), "a file renamed over it has another inode");
        memo.retain(List.of());
        assertEquals(0, memo.size());
    }

    @Test
    void bytes_read_after_a_stamp_of_another_size_are_not_kept() throws Exception {
        ContentMemo memo = new ContentMemo(0);
        Path f = Files.writeString(tmp.resolve("a.py"), "x = 1\n");
        FileStamp before = memo.stamp(f);
        memo.keep(f, before, KEY, utf8("x = 10\n"), DIGEST); // written between the stamp and the read
        assertEquals(0, memo.size());
        memo.keep(tmp.resolve("gone.py"), memo.stamp(tmp.resolve("gone.py")), KEY, utf8(""), DIGEST);
        assertEquals(0, memo.size());
    }
}
