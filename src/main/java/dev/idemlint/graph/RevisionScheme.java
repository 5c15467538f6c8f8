package dev.idemlint.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * How a project names its revisions: a zero-padded number ({@code 043}) when most ids are digits,
 * otherwise Alembic's default of 12 hex digits. New ids follow the scheme and are deterministic
 * (hash ids come from a seed such as path + content), so fixes and snapshots are stable.
 */
public record RevisionScheme(boolean numeric, int width) {

    public static final RevisionScheme HASH = new RevisionScheme(false, 12);

    public static RevisionScheme detect(Collection<String> ids) {
        int digits = 0;
        Map<Integer, Integer> widths = new HashMap<>();
        for (String id : ids) {
            if (isNumeric(id)) {
                digits++;
                widths.put(id.length(), widths.getOrDefault(id.length(), 0) + 1);
            }
        }
        if (digits == 0 || digits * 2 <= ids.size()) {
            return HASH;
        }
        // the most common width; of equally common ones, the widest
        int width = 0;
        int seen = 0;
        for (Map.Entry<Integer, Integer> e : widths.entrySet()) {
            if (e.getValue() > seen || e.getValue() == seen && e.getKey() > width) {
                width = e.getKey();
                seen = e.getValue();
            }
        }
        return new RevisionScheme(true, width);
    }

    public static boolean isNumeric(String id) {
        if (id == null || id.isEmpty() || id.length() > 9) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The next free id: max number + 1, zero-padded; or a fresh hex id derived from {@code seed}. */
    public String next(Set<String> taken, String seed) {
        if (numeric) {
            long max = 0;
            for (String t : taken) {
                if (isNumeric(t)) {
                    max = Math.max(max, Long.parseLong(t));
                }
            }
            String id;
            do {
                id = String.format("%0" + width + "d", ++max);
            } while (taken.contains(id));
            return id;
        }
        String id;
        int salt = 0;
        do {
            id = sha1(seed + (salt++ == 0 ? "" : "#" + salt)).substring(0, 12);
        } while (taken.contains(id));
        return id;
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
