package dev.idemlint.report;

import dev.idemlint.rule.Diagnostic;
import dev.idemlint.source.LineIndex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The one identity of a finding that survives edits elsewhere in its file: an MD5 (hex) of the rule,
 * the file's display path, the text of the flagged line(s) with whitespace collapsed, and which
 * occurrence of that same (rule, file, text) it is, counted in file order. Line numbers are left
 * out, so inserting code above a finding keeps its fingerprint; re-indenting it does too. SARIF
 * {@code partialFingerprints}, GitLab {@code fingerprint} and the baseline all use this value.
 */
public final class Fingerprint {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Fingerprint() {
    }

    /** Fingerprints of {@code diagnostics}, index for index. */
    public static List<String> of(List<Diagnostic> diagnostics) {
        List<String> out = new ArrayList<>(diagnostics.size());
        List<String> keys = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            keys.add(d.rule() + '\u0000' + d.file().displayPath() + '\u0000' + flaggedText(d));
            out.add(null);
        }
        // The counter follows file order whatever order the caller passes, so it is reproducible.
        Comparator<Integer> fileOrder = Comparator.comparing((Integer i) -> diagnostics.get(i).file().displayPath())
                .thenComparingInt(i -> diagnostics.get(i).span().start())
                .thenComparingInt(i -> diagnostics.get(i).span().end())
                .thenComparing(i -> diagnostics.get(i).message())
                .thenComparingInt(i -> i);
        Map<String, Integer> seen = new HashMap<>();
        IntStream.range(0, diagnostics.size()).boxed().sorted(fileOrder).forEach(i -> {
            int n = seen.merge(keys.get(i), 1, Integer::sum);
            out.set(i, md5(keys.get(i) + '\u0000' + n));
        });
        return out;
    }

    /** The whole lines the span touches, whitespace runs collapsed to one space. */
    static String flaggedText(Diagnostic d) {
        String text = d.file().text();
        LineIndex lines = d.file().lines();
        int first = lines.line(d.span().start());
        int last = lines.line(d.span().end());
        // A span ending just after a line break does not flag the next line.
        if (last > first && lines.column(d.span().end()) == 1) {
            last--;
        }
        int from = lines.lineStart(first);
        int to = lines.lineEnd(last, text);
        return WHITESPACE.matcher(text.substring(from, Math.max(from, to))).replaceAll(" ").strip();
    }

    static String md5(String s) {
        try {
            byte[] h = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(32);
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
