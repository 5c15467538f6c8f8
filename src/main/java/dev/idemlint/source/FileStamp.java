package dev.idemlint.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;

/**
 * A file as it was just before it was read: size, modification and status-change times, and file key
 * (device and inode, so a file replaced by a rename has another). The status-change time moves on every
 * write and every change of the modification time ({@code touch -r}, an archive extracted over the file),
 * and no call sets it back, so an unchanged stamp vouches for unchanged bytes except for writes within the
 * file system's timestamp granularity: a stamp whose times are less than {@link #RACY_MILLIS} before it
 * was taken is {@link #racy}, and vouches for nothing alone. Where the system has no status-change time
 * (no unix attribute view) {@code changed} is null, and a write that keeps the size and sets the
 * modification time back goes unseen.
 */
public record FileStamp(long size, FileTime modified, FileTime changed, Object fileKey, boolean racy) {
    /** How recent a change is too recent to vouch for the file's bytes (FAT's granularity is 2 s). */
    public static final long RACY_MILLIS = 2_000;

    /** The file's stamp now, racy when changed less than {@code racyMillis} ago; null when it cannot be read. */
    public static FileStamp of(Path file, long racyMillis) {
        long at = System.currentTimeMillis();
        try {
            long size;
            FileTime modified;
            FileTime changed = null;
            Object key;
            try {
                Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,fileKey");
                size = (Long) a.get("size");
                modified = (FileTime) a.get("lastModifiedTime");
                changed = (FileTime) a.get("ctime");
                key = a.get("fileKey");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                size = a.size();
                modified = a.lastModifiedTime();
                key = a.fileKey();
            }
            boolean racy = at - modified.toMillis() < racyMillis || changed != null && at - changed.toMillis() < racyMillis;
            return new FileStamp(size, modified, changed, key, racy);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether {@code other} stamps the file as this does (racy or not). */
    public boolean same(FileStamp other) {
        return size == other.size && modified.equals(other.modified) && Objects.equals(changed, other.changed)
                && Objects.equals(fileKey, other.fileKey);
    }
}
