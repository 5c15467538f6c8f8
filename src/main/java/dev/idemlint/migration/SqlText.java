package dev.idemlint.migration;

import dev.idemlint.python.StrPiece;
import dev.idemlint.source.Span;
import java.util.BitSet;
import java.util.Set;

/**
 * A SQL string resolved statically from Python: literals, concatenations, constants, and
 * {@code %}/{@code .format}/f-string templates. {@code fileOffsets[i]} is the file offset of char
 * {@code i}, or -1 where the char came from a dynamic part (then {@code text} holds a placeholder
 * {@code \u0000} run of length 1 per dynamic part). {@code fileOffsets} has one extra trailing entry.
 * {@code exprSpan} covers the Python expression that produced the string. {@code offsets} holds the file
 * offsets as runs: SQL from one literal is one run whatever its length (an int per char would be the largest
 * array a run keeps, 5.5 MB at 3,700 files, copied by every collection). {@code runtimeParts} are the dynamic parts
 * (numbered in text order) whose Python value is made at run time; {@code runtimeBinds} the bind parameters
 * ({@code :name}) the call passes values made at run time for. Both are copied in and out.
 */
public record SqlText(String text, StrPiece.Offsets offsets, boolean dynamic, Span exprSpan, BitSet runtimeParts,
        Set<String> runtimeBinds) {
    /** Placeholder char standing for an unknown (dynamic) part of the string. */
    public static final char DYNAMIC = '\u0000';

    public SqlText {
        runtimeParts = (BitSet) runtimeParts.clone();
        runtimeBinds = Set.copyOf(runtimeBinds);
    }

    public SqlText(String text, int[] fileOffsets, boolean dynamic, Span exprSpan) {
        this(text, StrPiece.Offsets.of(fileOffsets), dynamic, exprSpan, new BitSet(), Set.of());
    }

    /** This text with the dynamic parts (by number) whose values are made at run time. */
    SqlText withRuntimeParts(BitSet parts) {
        return new SqlText(text, offsets, dynamic, exprSpan, parts, runtimeBinds);
    }

    /** This text with the bind parameters whose values the call makes at run time. */
    public SqlText withRuntimeBinds(Set<String> binds) {
        return new SqlText(text, offsets, dynamic, exprSpan, runtimeParts, binds);
    }

    /** Whether the dynamic part at char {@code i} is a Python value made at run time ({@code uuid4()}). */
    public boolean madeAtRunTime(int i) {
        if (i < 0 || i >= text.length() || text.charAt(i) != DYNAMIC || runtimeParts.isEmpty()) {
            return false;
        }
        int part = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == DYNAMIC) {
                part++;
            }
        }
        return runtimeParts.get(part);
    }

    /**
     * The name {@link #withRuntimeBinds} takes for the {@code ordinal}-th (from 0) positional {@code %s}
     * placeholder: no bind parameter name starts with {@code %}.
     */
    public static String positionalBind(int ordinal) {
        return "%s" + ordinal;
    }

    /** Whether the call passes bind parameter {@code name} a value made at run time. */
    public boolean runtimeBind(String name) {
        return runtimeBinds.contains(name);
    }

    /**
     * A text as {@link #fileOffsets}, {@link #runtimeParts} and {@link #runtimeBinds} give it (the result cache stores a revision's model and reads it back
     * instead of parsing the file again).
     */
    public static SqlText restore(String text, int[] fileOffsets, boolean dynamic, Span exprSpan, BitSet runtimeParts,
            Set<String> runtimeBinds) {
        return new SqlText(text, StrPiece.Offsets.of(fileOffsets), dynamic, exprSpan, runtimeParts, runtimeBinds);
    }

    /** The placeholders made at run time, by ordinal (a copy), for {@link #restore}. */
    public BitSet runtimeParts() {
        return (BitSet) runtimeParts.clone();
    }

    /** {@code fileOffset(i)} for every {@code i}, trailing entry included, as a new array. */
    public int[] fileOffsets() {
        return offsets.toArray();
    }

    /** File offset of char {@code i}, or -1 when that char is dynamic or not from a literal. */
    public int fileOffset(int i) {
        if (i < 0 || i >= offsets.length()) {
            return -1;
        }
        return offsets.at(i);
    }

    /**
     * A file span for chars {@code [from, to)} of the text: from the first to the last char that
     * has a file offset; falls back to {@code exprSpan} when none has.
     */
    public Span fileSpan(int from, int to) {
        int s = -1;
        for (int i = from; i < to && s < 0; i++) {
            s = fileOffset(i);
        }
        int e = -1;
        for (int i = to - 1; i >= from && e < 0; i--) {
            e = fileOffset(i);
        }
        if (s < 0 || e < 0 || e < s) {
            return exprSpan;
        }
        return new Span(s, e + 1);
    }

    public boolean isDynamic(int from, int to) {
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) == DYNAMIC) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "SqlText[text=" + text + ", dynamic=" + dynamic + ", exprSpan=" + exprSpan + "]";
    }
}
