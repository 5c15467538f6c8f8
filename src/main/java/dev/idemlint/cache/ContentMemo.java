package dev.idemlint.cache;

import dev.idemlint.source.FileStamp;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files' bytes and keyed digests kept in memory between runs by a resident process (the command line's
 * daemon), so that a run over unchanged files takes each from its stamp instead of reading and hashing it
 * again: what a run with a warm cache mostly does. A file is taken from its {@link FileStamp} only when the
 * stamp has a status-change time and is not racy, else it is read and hashed again. A digest is kept with
 * the key it was made under (each cache directory has its own). Safe for concurrent use (the probes of
 * several trees run at once).
 */
public final class ContentMemo {
    private record Entry(FileStamp stamp, byte[] key, byte[] bytes, byte[] digest) {
    }

    /** What is kept of a file: its bytes and their digest under the key asked with. */
    record Kept(byte[] bytes, byte[] digest) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final long racyMillis;

    public ContentMemo() {
        this(FileStamp.RACY_MILLIS);
    }

    /** A memo that trusts stamps older than {@code racyMillis} (tests: 0). */
    ContentMemo(long racyMillis) {
        this.racyMillis = racyMillis;
    }

    /** The file's stamp now, or null when it has none that can vouch for its bytes (no status-change time). */
    FileStamp stamp(Path file) {
        FileStamp s = FileStamp.of(file, racyMillis);
        return s == null || s.changed() == null ? null : s;
    }

    /** What is kept of {@code file} for {@code key} while its stamp is {@code now}, or null. */
    Kept find(Path file, FileStamp now, byte[] key) {
        Entry e = entries.get(file);
        if (e == null || now == null || now.racy() || e.stamp().racy() || !e.stamp().same(now)
                || !Arrays.equals(e.key(), key)) {
            return null;
        }
        return new Kept(e.bytes(), e.digest());
    }

    /** Keeps {@code bytes} and their {@code digest} under {@code key} for {@code file}, read after its stamp {@code before}. */
    void keep(Path file, FileStamp before, byte[] key, byte[] bytes, byte[] digest) {
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
