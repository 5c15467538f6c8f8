package dev.idemlint.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files' bytes and keyed digests kept in memory between runs by a resident process (the command line's
 * daemon), so that a run over unchanged files takes each from its stamp instead of reading and hashing it
 * again: what a run with a warm cache mostly does.
 *
 * <p>A file's stamp is taken before it is read: size, modification and status-change times, device and
 * inode. The status-change time moves on every write and every change of the modification time
 * ({@code touch -r} included), and no call sets it back, so an unchanged stamp vouches for unchanged bytes
 * except for writes within the file system's timestamp granularity: a stamp whose times are less than
 * {@link #RACY_MILLIS} before it was taken is not trusted, and the file is read and hashed again.
 * A digest is kept with the key it was made under (each cache directory has its own).
 * Safe for concurrent use (the probes of several trees run at once).
 */
public final class ContentMemo {
    /** How recent a change is too recent to vouch for the bytes (FAT's granularity is 2 s). */
    static final long RACY_MILLIS = 2_000;

    /** A file as it was just before it was read; {@link #racy} when changed too recently to vouch for it. */
    record Stamp(long size, long modified, long changed, Object fileKey, boolean racy) {
        boolean same(Stamp other) {
            return size == other.size && modified == other.modified && changed == other.changed
                    && fileKey.equals(other.fileKey);
        }
    }

    private record Entry(Stamp stamp, byte[] key, byte[] bytes, byte[] digest) {
    }

    /** What is kept of a file: its bytes and their digest under the key asked with. */
    record Kept(byte[] bytes, byte[] digest) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final long racyMillis;

    public ContentMemo() {
        this(RACY_MILLIS);
    }

    /** A memo that trusts stamps older than {@code racyMillis} (tests: 0). */
    ContentMemo(long racyMillis) {
        this.racyMillis = racyMillis;
    }

    /** The file's stamp now, or null when it has none (gone, or no unix attributes to read). */
    Stamp stamp(Path file) {
        long at = System.currentTimeMillis();
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino",
                    LinkOption.NOFOLLOW_LINKS);
            long modified = ((FileTime) a.get("lastModifiedTime")).toMillis();
            long changed = ((FileTime) a.get("ctime")).toMillis();
            Object key = a.get("dev") + ":" + a.get("ino");
            return new Stamp((Long) a.get("size"), modified, changed, key,
                    at - modified < racyMillis || at - changed < racyMillis);
        } catch (IOException | RuntimeException e) {
            return null; // no unix view, or a file that is gone: read as if never kept
        }
    }

    /** What is kept of {@code file} for {@code key} while its stamp is {@code now}, or null. */
    Kept find(Path file, Stamp now, byte[] key) {
        Entry e = entries.get(file);
        if (e == null || now == null || now.racy() || e.stamp().racy() || !e.stamp().same(now)
                || !Arrays.equals(e.key(), key)) {
            return null;
        }
        return new Kept(e.bytes(), e.digest());
    }

    /** Keeps {@code bytes} and their {@code digest} under {@code key} for {@code file}, read after its stamp {@code before}. */
    void keep(Path file, Stamp before, byte[] key, byte[] bytes, byte[] digest) {
        if (before == null || before.racy() || before.size() != bytes.length) {
            entries.remove(file);
            return;
        }
        entries.put(file, new Entry(before, key, bytes, digest));
    }

    /** Lets go of every file but {@code files} (the last run's). */
    public void retain(Collection<Path> files) {
        entries.keySet().retainAll(files instanceof Set<?> ? files : new HashSet<>(files));
    }

    /** How many files are kept (for tests). */
    int size() {
        return entries.size();
    }
}
