package dev.idemlint.fix;

import dev.idemlint.source.SourceEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file's content all at once: the new bytes go to a temporary file in the same directory,
 * are flushed to disk, get the original's POSIX permissions, and are renamed over the original with
 * an atomic move. A reader sees the old file or the new one, never half of either. The original's
 * encoding and BOM are kept ({@link SourceEncoding}); line endings and the trailing newline are in the
 * text already. The file is left alone when its bytes changed since the snapshot was read.
 */
public final class AtomicWriter {
    public enum Outcome {
        WRITTEN,
        /** The bytes on disk are no longer those the fixes were computed from. */
        CHANGED_ON_DISK,
        /** The new text has characters the file's declared encoding cannot hold. */
        UNENCODABLE,
        /** A file to be created (or renamed to) exists already. */
        EXISTS
    }

    private AtomicWriter() {
    }

    public static Outcome write(SourceSnapshot snapshot, String newText) throws IOException {
        byte[] bytes;
        try {
            bytes = snapshot.encoding().encode(newText);
        } catch (CharacterCodingException e) {
            return Outcome.UNENCODABLE;
        }
        // Write beside the real file, not beside a symlink to it: the rename must replace the target.
        Path target = snapshot.path().toRealPath();
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".idemlint.tmp");
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            copyPermissions(target, tmp);
            if (!snapshot.matches(Files.readAllBytes(target))) {
                return Outcome.CHANGED_ON_DISK;
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncDirectory(dir);
            return Outcome.WRITTEN;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Writes a new file all at once (UTF-8, or {@code encoding}): temporary file, flush, then a rename
     * that fails when {@code target} exists, so nothing is ever overwritten. False when it exists.
     */
    public static boolean create(Path target, String text, SourceEncoding encoding) throws IOException {
        byte[] bytes = encoding.encode(text);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".idemlint.tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (Files.exists(target)) {
                return false;
            }
            // a hard link fails when the name is taken, where a rename would replace it
            Files.createLink(target, tmp);
            syncDirectory(dir);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Renames the snapshot's file to {@code to} with new text {@code newText}: the new file is created
     * first ({@link #create}, with the original's encoding and permissions), then the old one is removed,
     * so an interruption leaves both, never neither. Left alone when the old file changed on disk or
     * {@code to} exists.
     */
    public static Outcome move(SourceSnapshot snapshot, Path to, String newText) throws IOException {
        Path from = snapshot.path().toRealPath();
        if (!snapshot.matches(Files.readAllBytes(from))) {
            return Outcome.CHANGED_ON_DISK;
        }
        try {
            if (!create(to, newText, snapshot.encoding())) {
                return Outcome.EXISTS;
            }
        } catch (CharacterCodingException e) {
            return Outcome.UNENCODABLE;
        }
        copyPermissions(from, to);
        Files.delete(from);
        syncDirectory(from.getParent());
        return Outcome.WRITTEN;
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        Files.setPosixFilePermissions(to, perms);
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
