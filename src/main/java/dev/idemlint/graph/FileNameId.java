package dev.idemlint.graph;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revision id a file name carries, if it carries one. Alembic's default {@code file_template}
 * is {@code %(rev)s_%(slug)s}; date templates put the id after a {@code -}
 * ({@code 2023_01_05_1234-abcdef123456_slug.py}). Only tokens shaped like a revision count: a
 * leading number ({@code 040_}) or a leading hex id ({@code ae1027a6acf_}), or a hex id right after
 * a date prefix. Anything else (plain slugs, dates, words) carries no id.
 */
public final class FileNameId {
    private static final Pattern DATE_PREFIX = Pattern.compile("^(?:19|20)\\d{2}[_-]?\\d{2}[_-]?\\d{2}[_\\d]*-");
    private static final Pattern LEADING = Pattern.compile("^([0-9A-Za-z]+)(?=[_.-]|$)");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{10,40}");

    private FileNameId() {
    }

    /** A token of the file name and where it sits in the name. */
    public record Token(String text, int start, int end) {
    }

    /** The id-like token of a {@code .py} file name, or empty when the name carries none. */
    public static Optional<Token> of(String fileName) {
        String stem = fileName.endsWith(".py") ? fileName.substring(0, fileName.length() - 3) : fileName;
        Matcher date = DATE_PREFIX.matcher(stem);
        if (date.find()) {
            Matcher after = LEADING.matcher(stem.substring(date.end()));
            if (after.find() && isHashLike(after.group(1))) {
                return Optional.of(new Token(after.group(1), date.end(), date.end() + after.end(1)));
            }
            return Optional.empty();
        }
        Matcher lead = LEADING.matcher(stem);
        if (!lead.find()) {
            return Optional.empty();
        }
        String t = lead.group(1);
        if (RevisionScheme.isNumeric(t) || isHashLike(t)) {
            return Optional.of(new Token(t, 0, lead.end(1)));
        }
        return Optional.empty();
    }

    /** True when {@code id} appears in the name as a whole token (so the name agrees with it). */
    public static boolean mentions(String fileName, String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int i = fileName.indexOf(id, from);
            if (i < 0) {
                return false;
            }
            int end = i + id.length();
            boolean left = i == 0 || !Character.isLetterOrDigit(fileName.charAt(i - 1));
            boolean right = end == fileName.length() || !Character.isLetterOrDigit(fileName.charAt(end));
            if (left && right) {
                return true;
            }
            from = i + 1;
        }
    }

    /**
     * True when a file name's token and a revision id have the same shape (both numbers, or both hex
     * ids) but differ: the only case where a mismatch is certain rather than a naming convention.
     */
    public static boolean disagrees(Token token, String revision) {
        String t = token.text();
        if (RevisionScheme.isNumeric(t) && RevisionScheme.isNumeric(revision)) {
            return Long.parseLong(t) != Long.parseLong(revision);
        }
        return isHashLike(t) && isHashLike(revision) && !t.equals(revision);
    }

    /** Alembic ids are {@code uuid4().hex[-12:]}; older ones are 10-12 hex digits. Need a letter and a digit. */
    static boolean isHashLike(String s) {
        if (!HEX.matcher(s).matches()) {
            return false;
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            digit |= Character.isDigit(s.charAt(i));
            letter |= Character.isLetter(s.charAt(i));
        }
        return digit && letter;
    }

    /** The file name with its id token replaced by {@code newId}. */
    public static String rename(String fileName, Token token, String newId) {
        return fileName.substring(0, token.start()) + newId + fileName.substring(token.end());
    }
}
