package dev.idemlint.python;

import dev.idemlint.source.Span;

/**
 * A piece of a string expression: either literal text from one string token, or (in f-strings) a
 * replacement field {@code {expr}} whose value is unknown statically.
 *
 * <p>For a literal piece, {@code text} is the decoded value and {@code sourceOffsets[i]} is the file
 * offset of the first source char that produced {@code text.charAt(i)}; {@code sourceOffsets} has
 * {@code text.length() + 1} entries, the last being the offset just past the piece's content.
 * {@code token} is the whole token (prefix and quotes included); {@code prefix} is the string prefix
 * as written ("", "r", "f", "Rb"...) and {@code quote} the opening quote as written ({@code "},
 * {@code '''}...). For a dynamic piece, {@code text} is the field's source text, {@code expr} its
 * parsed expression (or an Opaque), and {@code sourceOffsets} is null.
 */
public record StrPiece(String text, boolean dynamic, Expr expr, int[] sourceOffsets, Span token,
        String prefix, String quote) {

    /** File offset of char {@code i} of this literal piece's decoded text. */
    public int sourceOffset(int i) {
        return sourceOffsets[Math.max(0, Math.min(i, sourceOffsets.length - 1))];
    }

    public boolean raw() {
        return prefix.indexOf('r') >= 0 || prefix.indexOf('R') >= 0;
    }
}
