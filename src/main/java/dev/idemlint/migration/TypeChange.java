package dev.idemlint.migration;

import java.util.Locale;

/**
 * What a statement that may change a column's type does to it: the type PostgreSQL stores afterwards
 * ({@code format_type}, null when not read) and, when the conversion ({@code postgresql_using=}) is one call of
 * a function on the column itself with constant arguments ({@code string_to_array(tags, ',')}), that function
 * (lower case, as PostgreSQL folds it) and its argument count; otherwise {@code function} is null. {@code shift}
 * is {@code "+"} or {@code "-"} when the conversion first adds an integer constant to the column or subtracts one
 * ({@code to_timestamp(last_login + 18000)}, or {@code last_login - 5} alone), null otherwise. {@code enumType} is
 * the Enum of the new type, when it is one (null otherwise). {@code cast} is the conversion when it is a plain cast
 * of a column of the table ({@code external_id::jsonb}, {@code CAST(external_id AS jsonb)}), null otherwise.
 */
public record TypeChange(String formatType, String function, int arity, String shift, EnumTypeRef enumType,
        Cast cast) {
    /**
     * A conversion that casts {@code column} (of the same table, this one or another, named as PostgreSQL folds it)
     * to {@code type} ({@code format_type}). {@code retypedBefore}: an earlier action of the same {@code ALTER TABLE}
     * changes that column's type; PostgreSQL reads every {@code USING} of a statement on the types the columns had
     * before it, so the cast then meets the type the column had before that action.
     */
    public record Cast(String column, String type, boolean retypedBefore) {
    }

    public TypeChange(String formatType, String function, int arity, String shift, EnumTypeRef enumType) {
        this(formatType, function, arity, shift, enumType, null);
    }

    /** This change with the new type's Enum {@code e}. */
    public TypeChange withEnum(EnumTypeRef e) {
        return new TypeChange(formatType, function, arity, shift, e, cast);
    }

    /** This change, its cast's column retyped by an earlier action of the same statement. */
    public TypeChange castRetypedBefore() {
        return cast == null ? this : new TypeChange(formatType, function, arity, shift, enumType,
                new Cast(cast.column(), cast.type(), true));
    }

    /** A type change of which nothing is read. */
    public static final TypeChange UNREAD = new TypeChange(null, null, 0);

    /** A change whose conversion adds nothing to the column. */
    public TypeChange(String formatType, String function, int arity) {
        this(formatType, function, arity, null, null);
    }

    /** A change whose conversion may shift the column, to a type that is no Enum. */
    public TypeChange(String formatType, String function, int arity, String shift) {
        this(formatType, function, arity, shift, null);
    }

    /**
     * The change to {@code formatType} whose {@code USING} text is {@code using}, on {@code column} (its name
     * as {@code alter_column} sends it). The text is read as {@code fn(column [± integer] [, 'literal']...)} with an
     * optional {@code pg_catalog.}, or as {@code column ± integer}; any other shape leaves the function and the
     * shift unread. One pass over the text.
     */
    public static TypeChange of(String formatType, String using, String column) {
        if (using == null || column == null) {
            return new TypeChange(formatType, null, 0);
        }
        Cast cast = cast(using);
        if (cast != null) {
            return new TypeChange(formatType, null, 0, null, null, cast);
        }
        String inner = castOperand(using);
        if (inner != null) {
            // `cast(upper(chambre) as chambre)`: PostgreSQL resolves the operand's function before the cast
            return of(formatType, inner, column);
        }
        Scan s = new Scan(using);
        String first = s.name();
        if (column.equals(first) && !s.failed) {
            // the column alone, shifted: `last_login - 5`
            String shift = s.shift();
            if (shift != null && !s.failed && s.atEnd()) {
                return new TypeChange(formatType, null, 0, shift);
            }
        }
        s = new Scan(using);
        String fn = s.word();
        if ("pg_catalog".equals(fn) && s.take('.')) {
            fn = s.word();
        }
        if (fn == null || !s.take('(') || !column.equals(s.name()) || s.failed) {
            return new TypeChange(formatType, null, 0);
        }
        String shift = s.shift();
        if (s.failed) {
            return new TypeChange(formatType, null, 0);
        }
        int arity = 1;
        while (!s.take(')')) {
            if (!s.take(',') || !s.literal()) {
                return new TypeChange(formatType, null, 0);
            }
            arity++;
        }
        return s.atEnd() ? new TypeChange(formatType, fn, arity, shift) : new TypeChange(formatType, null, 0);
    }

    /** Words that read as a name but are no column: {@code NULL::jsonb} casts a constant. */
    private static final java.util.Set<String> NO_COLUMN = java.util.Set.of("null", "true", "false", "default",
            "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user",
            "session_user", "user", "current_role", "current_catalog", "current_schema");

    /**
     * The whole text as one cast of one column, {@code c::T} or {@code cast(c as T)}, {@code T} a type {@link
     * FormatType#ofSql} reads; null for any other text (a constant, an expression, a cast of a cast, a qualified
     * column).
     */
    static Cast cast(String using) {
        String operand;
        String type;
        int[] parts = castParts(using);
        if (parts != null) {
            operand = using.substring(parts[0], parts[1]);
            type = using.substring(parts[1] + 2, parts[2]);
        } else {
            int colons = using.indexOf("::");
            if (colons < 0) {
                return null;
            }
            operand = using.substring(0, colons);
            type = using.substring(colons + 2);
        }
        Scan s = new Scan(operand);
        boolean quoted = operand.strip().startsWith("\"");
        String name = s.name();
        if (name == null || s.failed || !s.atEnd() || !quoted && NO_COLUMN.contains(name)) {
            return null;
        }
        String formatType = FormatType.ofSql(type.strip());
        return formatType == null ? null : new Cast(name, formatType, false);
    }

    /**
     * The operand of {@code cast(operand as type)} when that is the whole text (the keyword in any case, white
     * space around it), else null. The operand ends at the last {@code as} outside parentheses and quotes; a quote
     * or a parenthesis left open gives null.
     */
    static String castOperand(String using) {
        int[] parts = castParts(using);
        return parts == null ? null : using.substring(parts[0], parts[1]);
    }

    /** Where {@link #castOperand}'s operand starts, where its {@code as} starts and where the closing parenthesis is. */
    private static int[] castParts(String using) {
        Scan s = new Scan(using);
        if (!"cast".equals(s.word()) || !s.take('(')) {
            return null;
        }
        int start = s.at;
        int depth = 0;
        int as = -1;
        for (int i = start; i < using.length(); i++) {
            char c = using.charAt(i);
            if (c == '\'' || c == '"') {
                // a literal or a quoted name, read past whole ('' inside a literal reads as two)
                int close = using.indexOf(c, i + 1);
                if (close < 0) {
                    return null;
                }
                i = close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return as > start && using.substring(i + 1).isBlank() ? new int[] {start, as, i} : null;
                }
                depth--;
            } else if (depth == 0 && (c == 'a' || c == 'A') && i + 1 < using.length()
                    && (using.charAt(i + 1) == 's' || using.charAt(i + 1) == 'S')
                    && i > start && Character.isWhitespace(using.charAt(i - 1))
                    && i + 2 < using.length() && Character.isWhitespace(using.charAt(i + 2))) {
                as = i;
            }
        }
        return null;
    }

    /** A cursor over the text that skips white space before each token. */
    private static final class Scan {
        private final String text;
        private int at;
        private boolean failed;

        Scan(String text) {
            this.text = text;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean take(char c) {
            space();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        boolean atEnd() {
            space();
            return at == text.length();
        }

        /** An unquoted identifier, folded to lower case as PostgreSQL folds it; null when none is here. */
        String word() {
            space();
            int start = at;
            while (at < text.length() && (text.charAt(at) == '_' || (text.charAt(at) < 128
                    && Character.isLetterOrDigit(text.charAt(at))))) {
                at++;
            }
            if (at == start || Character.isDigit(text.charAt(start))) {
                return null;
            }
            return text.substring(start, at).toLowerCase(Locale.ROOT);
        }

        /**
         * {@code + 18000} or {@code - -5}: the operator, when an integer constant (digits, an optional sign, no
         * point or exponent) follows it; null, and nothing taken, when no operator is here. An operator with
         * anything else after it fails the scan ({@code c - 5.5}, {@code c -- a comment}, {@code c + x}).
         */
        String shift() {
            space();
            if (at >= text.length() || text.charAt(at) != '+' && text.charAt(at) != '-') {
                return null;
            }
            String op = String.valueOf(text.charAt(at++));
            if (op.equals("-") && at < text.length() && text.charAt(at) == '-') {
                failed = true; // a comment
                return null;
            }
            space();
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                at++;
                if (at < text.length() && text.charAt(at) == '-') {
                    failed = true;
                    return null;
                }
            }
            int start = at;
            while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                at++;
            }
            if (at == start || at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == '_'
                    || Character.isLetterOrDigit(text.charAt(at)))) {
                failed = true;
                return null;
            }
            return op;
        }

        /** A column name: a word, or a quoted identifier ({@code ""} in it is one quote). */
        String name() {
            space();
            if (at < text.length() && text.charAt(at) == '"') {
                String q = quoted('"');
                failed |= q == null;
                return q;
            }
            return word();
        }

        /** A string constant ({@code ''} in it is one quote); nothing else is taken as a constant. */
        boolean literal() {
            space();
            return at < text.length() && text.charAt(at) == '\'' && quoted('\'') != null;
        }

        private String quoted(char q) {
            StringBuilder out = new StringBuilder();
            for (at++; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == q && at + 1 < text.length() && text.charAt(at + 1) == q) {
                    out.append(q);
                    at++;
                } else if (c == q) {
                    at++;
                    return out.toString();
                } else {
                    out.append(c);
                }
            }
            return null;
        }
    }
}
