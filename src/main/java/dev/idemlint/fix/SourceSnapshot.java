package dev.idemlint.fix;

import dev.idemlint.source.SourceEncoding;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A file's bytes as read before fixing, with their encoding and text. The writer compares the
 * digest of these bytes with the file on disk just before replacing it, so an edit made meanwhile
 * (an editor, another run) is never overwritten.
 */
public record SourceSnapshot(Path path, byte[] digest, SourceEncoding encoding, String text) {

    /** Reads {@code path}; throws when it cannot be read or decoded. */
    public static SourceSnapshot read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        SourceEncoding enc = SourceEncoding.detect(bytes);
        String text;
        try {
            text = enc.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new IOException(path + ": does not decode as " + enc.charset().name(), e);
        }
        return new SourceSnapshot(path, sha256(bytes), enc, text);
    }

    /** True when {@code bytes} are the bytes this snapshot was read from. */
    public boolean matches(byte[] bytes) {
        return MessageDigest.isEqual(digest, sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceSnapshot s && s.path.equals(path) && Arrays.equals(s.digest, digest)
                && s.encoding.equals(encoding) && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "SourceSnapshot[" + path + "]";
    }
}
