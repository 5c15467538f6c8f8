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
        UNENCODABLE
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
