package dev.idemlint.fix;

import dev.idemlint.source.IoFailure;
import dev.idemlint.source.SourceEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a run's files all or nothing. Every new content is first written in full to a temporary
 * file beside its target and flushed to disk; only when every file of the run is staged, and every
 * original still holds the bytes the fixes were computed from, are the temporary files put in place.
 * A full disk, a read-only file system or an unwritable directory therefore fails while staging, and
 * then no file is touched. A failure while putting files in place (rare: the staging already proved
 * the directory writable) undoes the files already replaced.
 *
 * <p>A file is replaced by renaming its temporary file over it (readers see the old file or the new
 * one, never half of either), with the original's permissions and, where the file system lets us,
 * its owner and group. Two cases are written in place instead, because a rename would change what
 * the file is: a file with several hard links (a rename would detach this name from the others), and
 * a file whose owner or group this process cannot give to a new file. An in-place write is not atomic;
 * its temporary file, holding the whole fixed text and flushed before the copy starts, stays until the
 * copy is flushed, so a crash in between leaves the complete new text beside the file
 * ({@code .<name>.<random>.idemlint.tmp}) and no byte is lost; an I/O error during the copy writes the
 * original bytes back. New files (a merge revision) get the mode {@code open(path, "w")} would give
 * them: 0666 less the process's umask. The original's encoding and BOM are kept
 * ({@link SourceEncoding}); line endings and the trailing newline are in the text already.
 *
 * <p>Temporary names are ASCII whatever the target's name: a name the JVM cannot encode in the
 * locale's charset (any non-ASCII name under the POSIX locale) could otherwise not be created at all.
 */
public final class AtomicWriter {
    public enum Outcome {
        WRITTEN,
        /** The bytes on disk are no longer those the fixes were computed from. */
        CHANGED_ON_DISK,
        /** The new text has characters the file's declared encoding cannot hold. */
        UNENCODABLE,
        /** A file to be created (or renamed to) exists already. */
        EXISTS,
        /** The file system refused (full, read-only, permissions); {@link Failure#reason} says how. */
        IO_ERROR
    }

    /** One file a run writes. */
    public sealed interface Change {
        /** Replace the snapshot's file with {@code text}. */
        record Rewrite(SourceSnapshot snapshot, String text) implements Change {
        }

        /** Create {@code path} with {@code text}; never overwrites. */
        record Create(Path path, String text, SourceEncoding encoding) implements Change {
        }

        /** Rename the snapshot's file to {@code to} with {@code text}; never overwrites {@code to}. */
        record Move(SourceSnapshot snapshot, Path to, String text) implements Change {
        }
    }

    /** Why {@code change} was not written: the outcome, the file it concerns and the system's reason. */
    public record Failure(Change change, Outcome outcome, Path file, String reason) {
        /** A sentence fragment for "FILE: not written, ..." messages. */
        public String describe() {
            return switch (outcome) {
                case CHANGED_ON_DISK -> "the file changed on disk during the run";
                case EXISTS -> "a file of that name exists";
                case UNENCODABLE -> "the fixed text does not fit the file's declared encoding (" + reason + ")";
                default -> reason;
            };
        }
    }

    /**
     * The failures (empty when every change was written) and warnings about a written run (an old name
     * that could not be removed after a rename, a leftover temporary file).
     */
    public record Result(List<Failure> failures, List<String> warnings) {
        public boolean committed() {
            return failures.isEmpty();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicWriter() {
    }

    /** {@code snapshot}'s file replaced by {@code newText}, as a run of one change. */
    public static Outcome write(SourceSnapshot snapshot, String newText) throws IOException {
        return single(new Change.Rewrite(snapshot, newText));
    }

    /** {@code target} created with {@code text}; false when it exists. */
    public static boolean create(Path target, String text, SourceEncoding encoding) throws IOException {
        Outcome o = single(new Change.Create(target, text, encoding));
        if (o == Outcome.UNENCODABLE) {
            throw new CharacterCodingException();
        }
        return o == Outcome.WRITTEN;
    }

    /** The snapshot's file renamed to {@code to} with {@code newText}, as a run of one change. */
    public static Outcome move(SourceSnapshot snapshot, Path to, String newText) throws IOException {
        return single(new Change.Move(snapshot, to, newText));
    }

    private static Outcome single(Change change) throws IOException {
        Result r = commit(List.of(change));
        if (r.committed()) {
            return Outcome.WRITTEN;
        }
        Failure f = r.failures().get(0);
        if (f.outcome() == Outcome.IO_ERROR) {
            throw new IOException(f.file() + ": " + f.reason());
        }
        return f.outcome();
    }

    /** A change on its way: its bytes staged in {@code tmp}, to be put at {@code target}. */
    private static final class Staged {
        final Change change;
        final Path target;
        final byte[] bytes;
        /** The file the change replaces or renames (its real path), null for a creation. */
        Path original;
        byte[] originalBytes;
        Path tmp;
        boolean inPlace;
        /** A second name of the replaced file, for undoing the rename; null when links are unsupported. */
        Path backup;
        /** True while {@code tmp} is ours to delete. */
        boolean tmpOwned = true;

        Staged(Change change, Path target, byte[] bytes) {
            this.change = change;
            this.target = target;
            this.bytes = bytes;
        }
    }

    /**
     * Writes all of {@code changes} or none. Every failure found while staging is returned (so the user
     * learns every file that stands in the way, not just the first); then nothing was written.
     */
    public static Result commit(List<Change> changes) {
        List<Staged> staged = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try {
            for (Change c : changes) {
                try {
                    Staged s = stage(c, failures);
                    if (s != null) {
                        staged.add(s);
                    }
                } catch (IOException e) {
                    failures.add(new Failure(c, Outcome.IO_ERROR, fileOf(c), IoFailure.describe(e)));
                }
            }
            if (failures.isEmpty()) {
                for (Staged s : staged) {
                    check(s, failures);
                }
            }
            if (failures.isEmpty()) {
                install(staged, failures, warnings);
            }
        } finally {
            for (Staged s : staged) {
                if (s.tmp != null && s.tmpOwned) {
                    try {
                        Files.deleteIfExists(s.tmp);
                    } catch (IOException e) {
                        warnings.add("could not remove the temporary file " + s.tmp + ": " + IoFailure.describe(e));
                    }
                }
            }
        }
        return new Result(List.copyOf(failures), List.copyOf(warnings));
    }

    private static Path fileOf(Change c) {
        if (c instanceof Change.Rewrite r) {
            return r.snapshot().path();
        }
        return c instanceof Change.Move m ? m.to() : ((Change.Create) c).path();
    }

    /** Encodes the change and writes its temporary file; null (with a failure) when it cannot be written. */
    private static Staged stage(Change c, List<Failure> failures) throws IOException {
        if (c instanceof Change.Rewrite r) {
            return stageRewrite(r, failures);
        }
        return c instanceof Change.Move m ? stageMove(m, failures) : stageCreate((Change.Create) c, failures);
    }

    private static Staged stageRewrite(Change.Rewrite r, List<Failure> failures) throws IOException {
        byte[] bytes = encoded(r, r.snapshot().encoding(), r.text(), r.snapshot().path(), failures);
        if (bytes == null) {
            return null;
        }
        // Write beside the real file, not beside a symlink to it: the rename must replace the target.
        Path target = r.snapshot().path().toRealPath();
        // Opening for writing (no truncation, nothing written) is the check that gets the system's own
        // reason: read-only file system, permission denied, immutable file.
        FileChannel.open(target, StandardOpenOption.WRITE).close();
        Staged s = new Staged(r, target, bytes);
        s.original = target;
        s.inPlace = linkCount(target) > 1;
        s.tmp = stageTemp(target, bytes, target);
        s.inPlace |= !keepOwner(target, s.tmp);
        return s;
    }

    private static Staged stageCreate(Change.Create c, List<Failure> failures) throws IOException {
        byte[] bytes = encoded(c, c.encoding(), c.text(), c.path(), failures);
        if (bytes == null) {
            return null;
        }
        Path target = c.path().toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            failures.add(new Failure(c, Outcome.EXISTS, target, null));
            return null;
        }
        Staged s = new Staged(c, target, bytes);
        s.tmp = stageTemp(target, bytes, null);
        return s;
    }

    private static Staged stageMove(Change.Move m, List<Failure> failures) throws IOException {
        byte[] bytes = encoded(m, m.snapshot().encoding(), m.text(), m.snapshot().path(), failures);
        if (bytes == null) {
            return null;
        }
        Path from = m.snapshot().path().toRealPath();
        Path target = m.to().toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            failures.add(new Failure(m, Outcome.EXISTS, target, null));
            return null;
        }
        if (!from.getParent().equals(target.getParent()) && !Files.isWritable(from.getParent())) {
            failures.add(new Failure(m, Outcome.IO_ERROR, from,
                    "permission denied (the old name cannot be removed from its directory)"));
            return null;
        }
        Staged s = new Staged(m, target, bytes);
        s.original = from;
        s.tmp = stageTemp(target, bytes, from);
        keepOwner(from, s.tmp);
        return s;
    }

    private static byte[] encoded(Change c, SourceEncoding encoding, String text, Path file, List<Failure> failures) {
        try {
            return encoding.encode(text);
        } catch (CharacterCodingException e) {
            failures.add(new Failure(c, Outcome.UNENCODABLE, file, encoding.charset().name()));
            return null;
        }
    }

    /**
     * A temporary file beside {@code target} holding {@code bytes}, flushed to disk, with the mode of
     * {@code like} (or, when null, the mode a new file gets from the umask).
     */
    private static Path stageTemp(Path target, byte[] bytes, Path like) throws IOException {
        Set<PosixFilePermission> mode = like == null ? null : permissions(like);
        Path tmp = createTemp(target.getParent(), target.getFileName().toString(), ".idemlint.tmp", mode);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                writeAll(ch, bytes);
                ch.force(true);
            }
            if (mode != null) {
                // the umask may have taken bits the original has
                Files.setPosixFilePermissions(tmp, mode);
            }
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Creates an empty file named {@code .<name>.<random><suffix>} in {@code dir}, with {@code mode}
     * (null: 0666 less the umask, as any new file). The name keeps only the ASCII letters, digits and
     * {@code ._-} of {@code name}, and at most 40 of them: it must be encodable in any locale and stay
     * within NAME_MAX whatever the target's name.
     */
    public static Path createTemp(Path dir, String name, String suffix, Set<PosixFilePermission> mode) throws IOException {
        StringBuilder stem = new StringBuilder(".");
        for (int i = 0; i < name.length() && stem.length() <= 40; i++) {
            char c = name.charAt(i);
            stem.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
        }
        FileAttribute<?>[] attrs = mode == null ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)};
        while (true) {
            Path tmp = dir.resolve(stem + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
            try {
                return Files.createFile(tmp, attrs);
            } catch (FileAlreadyExistsException e) {
                // a name taken by chance: draw another
            } catch (UnsupportedOperationException e) {
                attrs = new FileAttribute<?>[0]; // not a POSIX file system: its defaults apply
            }
        }
    }

    /** Re-reads the originals: a file edited since the snapshot, or a name taken meanwhile, stops the run. */
    private static void check(Staged s, List<Failure> failures) {
        try {
            SourceSnapshot snapshot = s.change instanceof Change.Rewrite r ? r.snapshot()
                    : s.change instanceof Change.Move m ? m.snapshot() : null;
            if (snapshot != null) {
                byte[] now = Files.readAllBytes(s.original);
                if (!snapshot.matches(now)) {
                    failures.add(new Failure(s.change, Outcome.CHANGED_ON_DISK, s.original, null));
                    return;
                }
                s.originalBytes = now;
            }
            if (!(s.change instanceof Change.Rewrite) && Files.exists(s.target, LinkOption.NOFOLLOW_LINKS)) {
                failures.add(new Failure(s.change, Outcome.EXISTS, s.target, null));
            }
        } catch (IOException e) {
            failures.add(new Failure(s.change, Outcome.IO_ERROR, s.original, IoFailure.describe(e)));
        }
    }

    /** Puts every staged file in place; on the first error undoes the ones already placed. */
    private static void install(List<Staged> staged, List<Failure> failures, List<String> warnings) {
        List<Staged> done = new ArrayList<>();
        for (Staged s : staged) {
            try {
                place(s);
                done.add(s);
            } catch (IOException e) {
                failures.add(new Failure(s.change, e instanceof FileAlreadyExistsException ? Outcome.EXISTS
                        : Outcome.IO_ERROR, s.target, IoFailure.describe(e)));
                for (int i = done.size() - 1; i >= 0; i--) {
                    undo(done.get(i), warnings);
                }
                for (Staged d : done) {
                    dropBackup(d, warnings);
                }
                return;
            }
        }
        Set<Path> dirs = new LinkedHashSet<>();
        for (Staged s : staged) {
            dirs.add(s.target.getParent());
            if (s.change instanceof Change.Move) {
                // the old name goes last: until here an error could still restore it untouched
                try {
                    Files.delete(s.original);
                    dirs.add(s.original.getParent());
                } catch (IOException e) {
                    warnings.add(s.target + " was written, but the old name " + s.original + " could not be removed: "
                            + IoFailure.describe(e));
                }
            }
            dropBackup(s, warnings);
        }
        for (Path dir : dirs) {
            syncDirectory(dir);
        }
    }

    private static void place(Staged s) throws IOException {
        if (s.change instanceof Change.Rewrite) {
            if (s.inPlace) {
                try {
                    overwrite(s.target, s.bytes);
                } catch (IOException e) {
                    // put the original bytes back; they fit in the blocks the file already had
                    try {
                        overwrite(s.target, s.originalBytes);
                    } catch (IOException again) {
                        s.tmpOwned = false; // the only complete copy of the fixed text: keep it
                        throw new IOException(IoFailure.describe(e) + "; restoring the original failed too (" + IoFailure.describe(again)
                                + "), the fixed text is kept in " + s.tmp, e);
                    }
                    throw e;
                }
                return;
            }
            s.backup = linkBeside(s.target, ".idemlint.orig");
            try {
                atomicReplace(s.tmp, s.target);
            } catch (IOException e) {
                dropBackupQuietly(s);
                throw e;
            }
            s.tmpOwned = false;
            return;
        }
        try {
            // a hard link fails when the name is taken, where a rename would replace it
            Files.createLink(s.target, s.tmp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            // no hard links here (FAT, some network file systems): a rename that refuses an existing name
            if (e instanceof FileSystemException && !(e instanceof AccessDeniedException) && Files.exists(s.target,
                    LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(s.target.toString());
            }
            Files.move(s.tmp, s.target);
            s.tmpOwned = false;
        }
    }

    /** Undoes {@link #place}; problems become warnings (the failure that caused the undo is reported). */
    private static void undo(Staged s, List<String> warnings) {
        try {
            if (s.change instanceof Change.Rewrite) {
                if (s.inPlace) {
                    overwrite(s.target, s.originalBytes);
                } else if (s.backup != null) {
                    atomicReplace(s.backup, s.target);
                    s.backup = null;
                } else {
                    Path tmp = stageTemp(s.target, s.originalBytes, s.target);
                    atomicReplace(tmp, s.target);
                }
            } else {
                Files.deleteIfExists(s.target);
            }
        } catch (IOException e) {
            warnings.add("could not undo the change to " + s.target + ": " + IoFailure.describe(e));
        }
    }

    private static void dropBackup(Staged s, List<String> warnings) {
        if (s.backup != null) {
            try {
                Files.deleteIfExists(s.backup);
            } catch (IOException e) {
                warnings.add("could not remove " + s.backup + " (the file's previous content): " + IoFailure.describe(e));
            }
            s.backup = null;
        }
    }

    private static void dropBackupQuietly(Staged s) {
        try {
            if (s.backup != null) {
                Files.deleteIfExists(s.backup);
            }
        } catch (IOException e) {
            // the backup is a second name of the untouched original: harmless if it stays
        }
        s.backup = null;
    }

    /** A second hard link to {@code file}, or null where the file system has none. */
    private static Path linkBeside(Path file, String suffix) {
        try {
            Path link = createTemp(file.getParent(), file.getFileName().toString(), suffix, null);
            Files.delete(link);
            return Files.createLink(link, file);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /**
     * Renames {@code from} over {@code to}, atomically where the file system can; a link at {@code to} is replaced
     * itself, never what it points to.
     */
    public static void atomicReplace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code bytes} over the file's content in place (same inode), truncates and flushes. */
    private static void overwrite(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            writeAll(ch, bytes);
            ch.truncate(bytes.length);
            ch.force(true);
        }
    }

    private static void writeAll(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static int linkCount(Path file) {
        try {
            return ((Number) Files.getAttribute(file, "unix:nlink")).intValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 1; // no such attribute: no hard links to keep
        }
    }

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return view == null ? null : view.readAttributes().permissions();
    }

    /**
     * Gives {@code tmp} the owner and group of {@code original}; false when the file system or this
     * process's rights do not allow it (then the original can only keep them by an in-place write).
     */
    private static boolean keepOwner(Path original, Path tmp) {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return true;
        }
        try {
            PosixFileAttributes want = Files.readAttributes(original, PosixFileAttributes.class);
            PosixFileAttributes have = view.readAttributes();
            UserPrincipal owner = want.owner();
            GroupPrincipal group = want.group();
            if (!have.group().equals(group)) {
                view.setGroup(group);
            }
            if (!have.owner().equals(owner)) {
                view.setOwner(owner);
            }
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Makes the rename itself durable; not every platform lets a directory be opened. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data is already on disk; only the directory entry's durability is best effort.
        }
    }
}
