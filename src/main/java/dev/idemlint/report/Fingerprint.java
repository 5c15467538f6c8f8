package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.source.Background;
import dev.idemlint.source.LineIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The one identity of a finding that survives edits elsewhere in its file: an MD5 (hex) of the rule,
 * the file's display path, the text of the flagged line(s) with whitespace collapsed, and which
 * occurrence of that same (rule, file, text) it is, counted in file order. Line numbers are left
 * out, so inserting code above a finding keeps its fingerprint; re-indenting it does too. SARIF
 * {@code partialFingerprints}, GitLab {@code fingerprint} and the baseline all use this value.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** Findings per task when the keys and digests are made on all cores. */
    private static final int CHUNK = 256;

    /**
     * Fingerprints of {@code diagnostics}, index for index. The keys (each finding's flagged lines)
     * and the digests are made on this thread and the pool's workers at once, a chunk of findings at
     * a time (made on one thread, they were a tenth of writing a 3,700-file SARIF log, after the
     * lint); only the occurrence counting walks the findings in order.
     */
    public static List<String> of(List<Diagnostic> diagnostics) {
        int size = diagnostics.size();
        String[] keys = new String[size];
        Background.forEachIndex((size + CHUNK - 1) / CHUNK, new IntConsumer() {
            @Override
            public void accept(int c) {
                for (int i = c * CHUNK; i < Math.min(size, (c + 1) * CHUNK); i++) {
                    Diagnostic d = diagnostics.get(i);
                    keys[i] = d.rule() + '\u0000' + d.file().displayPath() + '\u0000' + flaggedText(d);
                }
            }
        });
        // The counter follows file order whatever order the caller passes, so it is reproducible.
        Comparator<Integer> fileOrder = new Comparator<>() {
            @Override
            public int compare(Integer i, Integer j) {
                Diagnostic a = diagnostics.get(i);
                Diagnostic b = diagnostics.get(j);
                int c = a.file().displayPath().compareTo(b.file().displayPath());
                if (c == 0) {
                    c = Integer.compare(a.span().start(), b.span().start());
                }
                if (c == 0) {
                    c = Integer.compare(a.span().end(), b.span().end());
                }
                if (c == 0) {
                    c = a.message().compareTo(b.message());
                }
                return c != 0 ? c : Integer.compare(i, j);
            }
        };
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        order.sort(fileOrder);
        Map<String, Integer> seen = new HashMap<>();
        int[] occurrence = new int[size];
        for (int i : order) {
            int n = seen.getOrDefault(keys[i], 0) + 1;
            seen.put(keys[i], n);
            occurrence[i] = n;
        }
        String[] out = new String[size];
        Background.forEachIndex((size + CHUNK - 1) / CHUNK, new IntConsumer() {
            @Override
            public void accept(int c) {
                MessageDigest digest = md5();
                for (int i = c * CHUNK; i < Math.min(size, (c + 1) * CHUNK); i++) {
                    out[i] = hex(digest.digest((keys[i] + '\u0000' + occurrence[i]).getBytes(StandardCharsets.UTF_8)));
                }
            }
        });
        return Arrays.asList(out);
    }

    /** The whole lines the span touches, whitespace runs collapsed to one space. */
    static String flaggedText(Diagnostic d) {
        LineIndex lines = d.file().lines();
        int first = lines.line(d.span().start());
        int last = lines.line(d.span().end());
        // A span ending just after a line break does not flag the next line.
        if (last > first && lines.column(d.span().end()) == 1) {
            last--;
        }
        // the lines joined by \n: a line break is whitespace, which collapses to one space whatever it is
        String text = d.file().line(first);
        if (last > first) {
            StringBuilder sb = new StringBuilder(text);
            for (int line = first + 1; line <= last; line++) {
                sb.append('\n').append(d.file().line(line));
            }
            text = sb.toString();
        }
        return collapse(text, 0, text.length()).strip();
    }

    /**
     * {@code text[from, to)} with each run of whitespace as {@code \s} has it ({@code [ \t\n\x0B\f\r]})
     * made one space: what {@code \s+} replaced by " " gives, without a regex per finding (a third of
     * the fingerprints' time, which is a sixth of writing a 3,700-file SARIF log).
     */
    static String collapse(String text, int from, int to) {
        StringBuilder sb = null;
        int copied = from;
        for (int i = from; i < to; i++) {
            if (!isSpace(text.charAt(i))) {
                continue;
            }
            int j = i + 1;
            while (j < to && isSpace(text.charAt(j))) {
                j++;
            }
            if (j - i > 1 || text.charAt(i) != ' ') {
                if (sb == null) {
                    sb = new StringBuilder(to - from);
                }
                sb.append(text, copied, i).append(' ');
                copied = j;
            }
            i = j - 1;
        }
        if (sb == null) {
            return text.substring(from, to);
        }
        return sb.append(text, copied, to).toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    private static String hex(byte[] h) {
        StringBuilder sb = new StringBuilder(32);
        for (byte b : h) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }
}
