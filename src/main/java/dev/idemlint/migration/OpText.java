package dev.idemlint.migration;

import dev.idemlint.source.Span;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operation's own text says that the operation keeps no field for: the {@code NOT VALID} of a constraint,
 * the constraint a {@code VALIDATE CONSTRAINT} names, a type change's collation and conversion, a column's default.
 * Read here, once, from the statement's SQL or the op call's source text, so the lock rules ask typed questions
 * instead of reading text. The call's text, not the call: the result cache keeps most operations' calls reduced to
 * what the timeline reads.
 */
public final class OpText {
    private OpText() {
    }

    private static final Pattern NOT_VALID = Pattern.compile("\\bNOT\\s+VALID\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_VALID_KWARG = Pattern.compile("\\bpostgresql_not_valid\\s*=\\s*True\\b");
    private static final Pattern VALIDATE = Pattern.compile(
            "^\\s*ALTER\\s+TABLE\\s+(?:ONLY\\s+)?(?:IF\\s+EXISTS\\s+)?\\S+\\s+VALIDATE\\s+CONSTRAINT\\s+\"?([A-Za-z_][\\w$]*)\"?",
            Pattern.CASE_INSENSITIVE);
    /**
     * {@code ALTER [COLUMN] c [SET DATA] TYPE type [COLLATE x] [USING expr]} in a raw statement, up to the next
     * action of the same {@code ALTER TABLE} or the statement's end: group 1 the column, 2 the type, 3 the collation,
     * 4 the conversion.
     */
    private static final Pattern RAW_TYPE = Pattern.compile("\\bALTER\\s+(?:COLUMN\\s+)?(\"(?:[^\"]|\"\")+\"|\\w+)\\s+"
            + "(?:SET\\s+DATA\\s+)?TYPE\\s+(.+?)(?:\\s+COLLATE\\s+(\"(?:[^\"]|\"\")+\"|[\\w.]+))?"
            + "(?:\\s+USING\\s+(.+?))?\\s*(?:,\\s*(?:ALTER|ADD|DROP|RENAME|SET|VALIDATE)\\b|;|$)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COLLATION = Pattern.compile("\\bcollation\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\b(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** {@code GENERATED ALWAYS AS (expr) [STORED]}: an identity column ({@code AS IDENTITY}) is not one. */
    private static final Pattern GENERATED_SQL = Pattern.compile("\\bGENERATED\\s+ALWAYS\\s+AS\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    /** SQLAlchemy's {@code Computed(...)} among the column's arguments. */
    private static final Pattern COMPUTED = Pattern.compile("(?<![\\w.])(?:[A-Za-z_]\\w*\\.)*Computed\\s*\\(");
    private static final Pattern USING_INDEX = Pattern.compile("\\bUSING\\s+INDEX\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_][\\w.]*)\\s*\\(");
    private static final Pattern REFERENCES = Pattern.compile(
            "\\bREFERENCES\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)", Pattern.CASE_INSENSITIVE);

    /**
     * Whether the constraint is added {@code NOT VALID} (rows already there are not checked): the SQL says so, or
     * the op call passes {@code postgresql_not_valid=True} (SQLAlchemy's PostgreSQL option of CHECK and FOREIGN KEY
     * constraints, 1.4.32 and later).
     */
    public static boolean notValid(Operation.AddConstraint a) {
        return says(a, NOT_VALID, NOT_VALID_KWARG);
    }

    /**
     * Whether the foreign key an op call's added column declares ({@code sa.ForeignKey(..., postgresql_not_valid=True)},
     * passed on to its constraint) is added {@code NOT VALID}.
     */
    public static boolean notValid(Operation.AddColumn a) {
        String call = callText(a);
        return call != null && NOT_VALID_KWARG.matcher(call).find();
    }

    /**
     * The constraint a raw {@code ALTER TABLE t VALIDATE CONSTRAINT c} names, or null for any other operation: the
     * statement classifier labels the validation and keeps its table.
     */
    public static String validatedConstraint(Operation op) {
        String sql = op instanceof Operation.Benign b && StatementLocks.VALIDATE.equals(b.what()) && b.table() != null
                ? op.site().sqlStatement() : null;
        Matcher m = sql == null ? null : VALIDATE.matcher(sql);
        return m != null && m.find() ? m.group(1) : null;
    }

    /** What a type change names: the new type ({@code format_type}), its collation and its conversion, each or null. */
    public record TypeTarget(String type, String collation, String using) {
    }

    /**
     * The type change's target as the statement writes it: the type the model read, with the collation and the
     * conversion of a raw {@code ALTER COLUMN ... TYPE} read from the statement's own text (the model keeps the type
     * of an op call; of a raw statement it keeps none), or the {@code postgresql_using=} of an op call and a
     * {@code collation=} of its {@code type_=} that the column's {@code existing_type=} does not already name.
     */
    public static TypeTarget typeTarget(Operation.Benign b) {
        String type = b.type().formatType();
        if (b.site().origin() == Origin.RAW_SQL) {
            String sql = b.site().sqlStatement();
            Matcher m = sql == null ? null : RAW_TYPE.matcher(sql);
            while (m != null && m.find()) {
                String name = m.group(1).startsWith("\"") ? m.group(1).substring(1, m.group(1).length() - 1)
                        .replace("\"\"", "\"") : m.group(1).toLowerCase(Locale.ROOT);
                if (name.equals(b.column())) {
                    return new TypeTarget(type != null ? type : FormatType.ofSql(m.group(2).strip()), m.group(3),
                            m.group(4));
                }
            }
            return new TypeTarget(type, null, null);
        }
        String call = callText(b);
        if (call == null) {
            return new TypeTarget(type, null, null);
        }
        String collation = collation(keywordText(call, "type_"));
        if (collation != null && collation.equals(collation(keywordText(call, "existing_type")))) {
            collation = null;
        }
        return new TypeTarget(type, collation, keywordText(call, "postgresql_using"));
    }

    /** The {@code collation=} string of a SQLAlchemy type's text, or null. */
    private static String collation(String typeText) {
        Matcher m = typeText == null ? null : COLLATION.matcher(typeText);
        return m == null || !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** {@code alter_column(..., nullable=False)}. */
    public static boolean setsNotNull(Operation.Benign b) {
        String call = callText(b);
        return call != null && "False".equals(keywordText(call, "nullable"));
    }

    /**
     * The text of the column's default: the SQL after {@code DEFAULT}, the value of {@code server_default=} in the
     * call's text, {@code nextval()} for a column written {@code serial} in SQL; null when it has none (or
     * {@code server_default=None}).
     */
    public static String defaultText(Operation.AddColumn a) {
        ColumnDef col = a.column();
        if (col != null && col.serial() == ColumnDef.Serial.SQL) {
            return "nextval()";
        }
        String sql = a.site().sqlStatement();
        if (sql != null) {
            Matcher d = DEFAULT.matcher(sql);
            return d.find() && !d.group(1).strip().toUpperCase(Locale.ROOT).startsWith("NULL") ? d.group(1)
                    : null;
        }
        String call = callText(a);
        String value = call == null ? null : keywordText(call, "server_default");
        return value == null || value.equals("None") ? null : value;
    }

    /**
     * Whether the column added is a generated one, which PostgreSQL stores (it has no virtual generated columns
     * before 18, and SQLAlchemy renders {@code Computed} with {@code STORED} unless {@code persisted=False}, which its
     * PostgreSQL dialect refuses): the SQL says {@code GENERATED ALWAYS AS (}, or the op call's column passes a
     * {@code Computed(...)}.
     */
    public static boolean generatedStored(Operation.AddColumn a) {
        return says(a, GENERATED_SQL, COMPUTED);
    }

    /** Whether the statement's SQL has {@code inSql}, or, where it has no SQL, the op call's text has {@code inCall}. */
    private static boolean says(Operation op, Pattern inSql, Pattern inCall) {
        String sql = op.site().sqlStatement();
        String text = sql != null ? sql : callText(op);
        return text != null && (sql != null ? inSql : inCall).matcher(text).find();
    }

    /** {@code ADD CONSTRAINT ... UNIQUE USING INDEX i}: a key on an index already built. */
    public static boolean usingIndex(Operation.AddConstraint a) {
        String sql = a.site().sqlStatement();
        return sql != null && USING_INDEX.matcher(sql).find();
    }

    /** The first volatile function the SQL text {@code sql} calls ({@link PostgresLocks#volatileDefault}), as {@code f()}, or null. */
    public static String volatileCall(String sql) {
        Matcher m = CALL.matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            String bare = name.substring(name.lastIndexOf('.') + 1);
            if (PostgresLocks.volatileDefault(bare)) {
                return bare.toLowerCase(Locale.ROOT) + "()";
            }
        }
        return null;
    }

    /** The table a foreign key references as written, or null when not read. */
    public static String referencedTable(Operation.AddConstraint fk) {
        String sql = fk.site().sqlStatement();
        if (sql != null) {
            Matcher m = REFERENCES.matcher(sql);
            return m.find() ? m.group(1).replace("\"", "") : null;
        }
        return fk.references();
    }

    /** The statement's SQL, or the op call's source text; null when neither is kept. */
    public static String text(Operation op) {
        return op.site().origin() == Origin.RAW_SQL ? op.site().sqlStatement() : callText(op);
    }

    /** The source text of the op call that performs {@code op} (a helper's call at its own span), or null. */
    private static String callText(Operation op) {
        CallRef ref = op.site().callRef();
        if (ref == null || ref.file() == null) {
            return null;
        }
        Span span = ref.span();
        String text = ref.file().text();
        return span == null || span.start() < 0 || span.end() > text.length() || span.start() > span.end() ? null
                : text.substring(span.start(), span.end());
    }

    /**
     * The value text of keyword argument {@code name} in the call text {@code call}: from after its {@code =} to the
     * next comma or closing parenthesis outside brackets and strings; null when the call has no such keyword.
     */
    private static String keywordText(String call, String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*=(?!=)").matcher(call);
        if (!m.find()) {
            return null;
        }
        int depth = 0;
        char quote = 0;
        int i = m.end();
        for (; i < call.length(); i++) {
            char ch = call.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (ch == ',' && depth == 0) {
                break;
            }
        }
        return call.substring(m.end(), i).strip();
    }
}
