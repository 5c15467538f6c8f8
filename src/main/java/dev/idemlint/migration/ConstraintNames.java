package dev.idemlint.migration;

import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a constraint or index really gets on PostgreSQL: the explicit name, the project's
 * {@link NamingConvention} as SQLAlchemy applies it (with its hash truncation of long names), or
 * PostgreSQL's default when SQLAlchemy sends no name.
 *
 * <p>SQLAlchemy 1.4 ({@code sql/naming.py}, {@code sql/compiler.py}): a convention applies to an unnamed
 * object, or to a named one when its template holds {@code %(constraint_name)s}; a name wrapped in
 * {@code op.f()} ({@code conv}) is taken as is. Names made by a convention or {@code op.f()} longer than 63
 * characters become their first 55 characters, {@code _} and the last 4 hex digits of the md5 of the whole
 * name; a plain explicit name longer than 63 characters makes SQLAlchemy raise {@code IdentifierError} before
 * anything is sent. Alembic 1.8.1's ops build their {@code MetaData} with the naming convention of the
 * {@code target_metadata} given to {@code context.configure} ({@code operations/schemaobj.py}), so the
 * project's convention names {@code op.create_foreign_key(None, ...)} too.
 *
 * <p>PostgreSQL ({@code makeObjectName}, {@code ChooseRelationName}, {@code ChooseConstraintName}):
 * {@code <table>_pkey}, {@code <table>_<cols>_key}, {@code <table>_<cols>_fkey} (all columns since
 * PostgreSQL 12), {@code <table>_<col>_check} when the expression uses one column (else
 * {@code <table>_check}), {@code <table>_<cols>_idx}, {@code <table>_<col>_seq}, columns joined by
 * {@code _}; when the whole exceeds 63 bytes the longer of table and columns part is shortened first;
 * a name already taken gets a number after the label ({@code t_a_idx1}).
 */
public final class ConstraintNames {
    /** PostgreSQL's NAMEDATALEN - 1, and SQLAlchemy's max_identifier_length for PostgreSQL. */
    public static final int MAX_BYTES = 63;

    /** The objects a convention or a PostgreSQL default names. */
    public enum Kind {
        PRIMARY_KEY("pk", "pkey"), UNIQUE("uq", "key"), FOREIGN_KEY("fk", "fkey"), CHECK("ck", "check"),
        INDEX("ix", "idx"), SEQUENCE(null, "seq");

        private final String conventionKey;
        private final String label;

        Kind(String conventionKey, String label) {
            this.conventionKey = conventionKey;
            this.label = label;
        }

        /** The key of a naming_convention dict ({@code "uq"}), null for sequences. */
        public String conventionKey() {
            return conventionKey;
        }

        /** PostgreSQL's suffix for a default name ({@code "key"}). */
        public String label() {
            return label;
        }

        /** The kind of a constraint, or null for EXCLUDE/UNKNOWN. */
        public static Kind of(ConstraintKind k) {
            return switch (k) {
                case PRIMARY_KEY -> PRIMARY_KEY;
                case UNIQUE -> UNIQUE;
                case FOREIGN_KEY -> FOREIGN_KEY;
                case CHECK -> CHECK;
                case EXCLUDE, UNKNOWN -> null;
            };
        }
    }

    /** Where a name came from. */
    public enum Origin {
        /** Written in the code and sent as is. */
        EXPLICIT,
        /** Written in the code inside {@code op.f()}: exempt from the convention, still truncated. */
        EXPLICIT_CONV,
        /** Made by the project's naming convention (or SQLAlchemy's default {@code ix_%(column_0_label)s}). */
        CONVENTION,
        /** None sent: PostgreSQL chose it. */
        POSTGRES_DEFAULT
    }

    /**
     * What is being named. {@code columns} are the local columns in order (for a CHECK, the columns its
     * expression uses: PostgreSQL's default name takes the one column when there is exactly one, while a
     * convention's column tokens see none, since the condition reaches SQLAlchemy as text); {@code referredTable}/{@code referredColumns} only for foreign
     * keys; {@code explicitName} null when the code gives none, with {@code explicitIsConv} for
     * {@code op.f("...")}.
     */
    public record Target(Kind kind, String schema, String table, List<String> columns, String referredTable,
            List<String> referredColumns, String explicitName, boolean explicitIsConv) {
        public Target {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(table, "table");
            columns = columns == null ? List.of() : List.copyOf(columns);
            referredColumns = referredColumns == null ? List.of() : List.copyOf(referredColumns);
        }

        /** An unnamed object of {@code kind} on {@code table} over {@code columns}. */
        public static Target of(Kind kind, String table, List<String> columns) {
            return new Target(kind, null, table, columns, null, List.of(), null, false);
        }

        public Target inSchema(String s) {
            return new Target(kind, s, table, columns, referredTable, referredColumns, explicitName, explicitIsConv);
        }

        public Target referring(String refTable, List<String> refColumns) {
            return new Target(kind, schema, table, columns, refTable, refColumns, explicitName, explicitIsConv);
        }

        /** Named in the code with a plain string (null: unnamed). */
        public Target named(String name) {
            return new Target(kind, schema, table, columns, referredTable, referredColumns, name, false);
        }

        /** Named in the code with {@code op.f(name)}. */
        public Target namedConv(String name) {
            return new Target(kind, schema, table, columns, referredTable, referredColumns, name, true);
        }
    }

    /** The outcome of naming. */
    public sealed interface Name {
        /** The name PostgreSQL stores. */
        record Given(String name, Origin origin) implements Name {
        }

        /** SQLAlchemy raises before sending anything (a first-run failure of the statement itself). */
        record Refused(String reason) implements Name {
        }

        /** The name cannot be known statically (a convention value computed by code, an unreadable template). */
        record Unknown(String reason) implements Name {
        }
    }

    private static final Pattern TOKEN = Pattern.compile("%(%|\\(([^)]*)\\)(.))");
    private static final Pattern COLUMN_TOKEN = Pattern.compile(".*_?column_(\\d+)(_?N)?_.+");

    private ConstraintNames() {
    }

    /**
     * The name an object built by an Alembic op or a SQLAlchemy {@code Table} gets, under the convention
     * in effect ({@link NamingConvention#SQLALCHEMY_DEFAULT} when env.py gives no target_metadata).
     */
    public static Name name(NamingConvention convention, Target t) {
        if (convention.isUnknown()) {
            return new Name.Unknown(convention.unknownReason());
        }
        if (t.explicitName() != null && t.explicitIsConv()) {
            return new Name.Given(postgresTruncate(sqlalchemyTruncate(t.explicitName())), Origin.EXPLICIT_CONV);
        }
        String template = t.kind().conventionKey() == null ? null : convention.templates().get(t.kind().conventionKey());
        if (template == null && t.kind().conventionKey() != null
                && convention.computed().contains(t.kind().conventionKey())) {
            return new Name.Unknown("the naming convention's \"" + t.kind().conventionKey() + "\" is computed by code");
        }
        if (template != null && (t.explicitName() == null || template.contains("%(constraint_name)s"))) {
            return fromTemplate(convention, template, t);
        }
        if (t.explicitName() != null) {
            if (t.explicitName().codePointCount(0, t.explicitName().length()) > MAX_BYTES) {
                return new Name.Refused("SQLAlchemy raises IdentifierError: the name \"" + t.explicitName()
                        + "\" exceeds 63 characters");
            }
            return new Name.Given(postgresTruncate(t.explicitName()), Origin.EXPLICIT);
        }
        if (t.kind() == Kind.INDEX) {
            // CreateIndex without a name: SQLAlchemy's compiler refuses it
            return new Name.Refused("SQLAlchemy cannot render CREATE INDEX without a name (no \"ix\" naming convention)");
        }
        return new Name.Given(postgresDefault(t.kind(), t.table(), t.columns()), Origin.POSTGRES_DEFAULT);
    }

    /**
     * The name PostgreSQL stores for the constraint or index an Alembic op call creates
     * ({@code op.create_foreign_key}, {@code create_unique_constraint}, {@code create_check_constraint},
     * {@code create_primary_key}, {@code create_index}, and their {@code batch_op} forms), under
     * {@code convention}; null for raw SQL and other operations, whose names are written out. Referred
     * tables and columns and the schema are read from literal arguments only: when the convention needs one
     * that is not a literal, the name is unknown.
     */
    /**
     * Whether a constraint op call passes no name: the argument left out or {@code None}, so that the database (or
     * the naming convention) names it. A name computed at run time is a name, only not known here.
     */
    public static boolean passesNoName(OpSite site) {
        Expr.Call call = site.call();
        if (call == null || !opCall(site)) {
            return false;
        }
        Expr nameArg = argument(call, 0, "constraint_name");
        return nameArg == null && call.args().stream().noneMatch(a -> a.star() != 0)
                || nameArg instanceof Expr.Const k && k.text().equals("None");
    }

    /** An op call or a batch op: its arguments are read (raw SQL's are the statement's). */
    private static boolean opCall(OpSite site) {
        return site.origin() == dev.idemlint.migration.Origin.OP_CALL
                || site.origin() == dev.idemlint.migration.Origin.BATCH_OP;
    }

    /** A batch op names no table: its positional arguments stand one place earlier than the op call's. */
    private static int batchShift(OpSite site) {
        return site.origin() == dev.idemlint.migration.Origin.BATCH_OP ? 1 : 0;
    }

    public static Name of(Operation op, NamingConvention convention) {
        OpSite site = op.site();
        if (site.call() == null || !opCall(site)) {
            return null;
        }
        Expr.Call call = site.call();
        int b = batchShift(site);
        Kind kind;
        String table;
        String name;
        Expr nameArg;
        List<String> columns;
        if (op instanceof Operation.AddConstraint c) {
            kind = Kind.of(c.kind());
            table = c.table();
            name = c.name();
            nameArg = argument(call, 0, "constraint_name");
            columns = c.columns();
        } else if (op instanceof Operation.CreateIndex ix) {
            kind = Kind.INDEX;
            table = ix.table();
            name = ix.name();
            nameArg = argument(call, 0, "index_name");
            columns = ix.columns();
        } else {
            return null;
        }
        if (kind == null) {
            return null;
        }
        if (table == null) {
            return new Name.Unknown("the table name is not a literal");
        }
        Target t = Target.of(kind, table, columns);
        boolean unnamed = nameArg == null || nameArg instanceof Expr.Const k && k.text().equals("None");
        if (nameArg == null && call.args().stream().anyMatch(a -> a.star() == 2)) {
            // the name may come in **kwargs: the reader spells out a dict literal's (name given), else it is not known
            if (name == null) {
                return new Name.Unknown("the name may be passed in ** arguments that are not read");
            }
            Name plain = name(convention, t.named(name));
            return plain instanceof Name.Given p && name(convention, t.namedConv(name)) instanceof Name.Given c
                    && p.name().equals(c.name()) ? plain
                    : new Name.Unknown("whether the name in ** arguments is op.f() is not read");
        }
        String template = kind.conventionKey() == null || convention.isUnknown() ? null
                : convention.templates().get(kind.conventionKey());
        if (unnamed && (columns == null || columns.isEmpty()) && kind != Kind.CHECK && template != null
                && template.contains("column_")) {
            // a key or index has columns: none read means they are not literals, not that there are none
            return new Name.Unknown("the columns are not literals");
        }
        if (!unnamed) {
            if (name == null) {
                return new Name.Unknown("the name is computed at run time");
            }
            // op.f("name") (conv): the name is taken as is, exempt from the convention
            boolean conv = nameArg instanceof Expr.Call f && "f".equals(Names.lastPart(f.func()));
            t = conv ? t.namedConv(name) : t.named(name);
        }
        t = inSchema(t, call, kind == Kind.FOREIGN_KEY ? "source_schema" : "schema");
        if (t == null) {
            return new Name.Unknown("the schema is not a literal");
        }
        boolean referredKnown = true;
        if (kind == Kind.FOREIGN_KEY) {
            String referred = literal(argument(call, 2 - b, "referent_table"));
            List<String> remote = literals(argument(call, 4 - b, "remote_cols"));
            referredKnown = referred != null && remote != null;
            t = t.referring(referred, remote);
        }
        Name n = name(convention, t);
        if (n instanceof Name.Refused && !referredKnown) {
            return new Name.Unknown("the referred table or columns are not literals");
        }
        return n;
    }

    /**
     * The name {@code op.drop_constraint(name, table, type_=...)} really drops: Alembic attaches a constraint of
     * the {@code type_} to a table of its convention's MetaData, so a template holding
     * {@code %(constraint_name)s} renames it ({@code "positive"} drops {@code ck_orders_positive}); null for
     * other operations, and without a literal {@code type_} (a plain constraint, which no convention names).
     */
    public static Name ofDrop(Operation op, NamingConvention convention) {
        if (!(op instanceof Operation.Drop d) || d.kind() != ObjectKind.CONSTRAINT || d.site().call() == null
                || !opCall(d.site())) {
            return null;
        }
        Expr.Call call = d.site().call();
        int b = batchShift(d.site());
        ConstraintKind type = ConstraintKind.ofAlembicType(literal(argument(call, 2 - b, "type_")));
        Kind kind = type == null ? null : Kind.of(type);
        if (kind == null || d.table() == null || d.name() == null) {
            return null;
        }
        Expr nameArg = argument(call, 0, "constraint_name");
        boolean conv = nameArg instanceof Expr.Call f && "f".equals(Names.lastPart(f.func()));
        Target t = Target.of(kind, d.table(), List.of());
        t = conv ? t.namedConv(d.name()) : t.named(d.name());
        t = inSchema(t, call, "schema");
        return t == null ? new Name.Unknown("the schema is not a literal") : name(convention, t);
    }

    /**
     * The table an {@code op.create_foreign_key} (or {@code batch_op.create_foreign_key}) call refers to, as
     * written ({@code "teams"}, or {@code "billing.teams"} with a literal {@code referent_schema}), read when the
     * operation was modelled ({@link Operation.AddConstraint#references}); null for other operations and when it is
     * not a literal.
     */
    public static String referredTable(Operation op) {
        return op instanceof Operation.AddConstraint c && c.kind() == ConstraintKind.FOREIGN_KEY ? c.references() : null;
    }

    /** {@link #referredTable(Operation)} of the call {@code call} of {@code op.} or, with {@code batch}, {@code batch_op.}. */
    static String referredTable(Expr.Call call, boolean batch) {
        if (call == null) {
            return null;
        }
        int b = batch ? 1 : 0;
        String table = literal(argument(call, 2 - b, "referent_table"));
        Expr schema = argument(call, -1, "referent_schema");
        if (table == null || schema == null || schema instanceof Expr.Const k && k.text().equals("None")) {
            return table;
        }
        String s = literal(schema);
        return s == null ? null : s + "." + table;
    }

    /**
     * Whether the key an op call makes ({@code create_primary_key}, {@code create_foreign_key}, ...) is given a name
     * that is not read: a variable, a subscript, a call ({@code insp.get_pk_constraint("t")["name"]}), or one that may
     * come in {@code **} arguments. Such a name is the code's, not the convention's or PostgreSQL's, and may be any
     * name, one the revision dropped before included. A name left out or {@code None} is unnamed, not unread.
     */
    public static boolean nameNotRead(Operation.AddConstraint c) {
        OpSite site = c.site();
        if (c.name() != null || !opCall(site)) {
            return false;
        }
        Expr.Call call = site.call();
        if (call == null) {
            return false;
        }
        Expr nameArg = argument(call, 0, "constraint_name");
        if (nameArg == null) {
            return call.args().stream().anyMatch(a -> a.star() != 0);
        }
        return !(nameArg instanceof Expr.Const);
    }

    private static Expr argument(Expr.Call call, int pos, String keyword) {
        Arg kw = call.keyword(keyword);
        return kw != null ? kw.value() : pos < 0 ? null : call.positional(pos);
    }

    /** {@code t} in the schema {@code call}'s {@code keyword} names (unchanged without one, or None); null: no literal. */
    private static Target inSchema(Target t, Expr.Call call, String keyword) {
        Expr schema = call.keyword(keyword) == null ? null : call.keyword(keyword).value();
        if (schema == null || schema instanceof Expr.Const k && k.text().equals("None")) {
            return t;
        }
        String s = literal(schema);
        return s == null ? null : t.inSchema(s);
    }

    private static String literal(Expr e) {
        return e == null ? null : NamingConventionReader.literal(e);
    }

    /** The strings of a literal list or tuple of string literals, else null. */
    private static List<String> literals(Expr e) {
        List<Expr> items = e instanceof Expr.ListExpr l ? l.elements() : e instanceof Expr.Tuple t ? t.elements() : null;
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Expr item : items) {
            String v = literal(item);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    /** The name an explicit identifier in raw SQL gets: PostgreSQL cuts it to 63 bytes. */
    public static String postgresTruncate(String identifier) {
        return clipBytes(identifier, MAX_BYTES);
    }

    /** PostgreSQL's first-choice name for an unnamed object, as {@code ALTER TABLE ... ADD UNIQUE (a, b)} gets it. */
    public static String postgresDefault(Kind kind, String table, List<String> columns) {
        return postgresDefault(kind, table, columns, n -> false);
    }

    /**
     * PostgreSQL's name for an unnamed object when {@code taken} names already exist in the schema
     * (relations for keys and indexes, constraints for foreign keys and checks): {@code t_a_idx},
     * then {@code t_a_idx1}, {@code t_a_idx2}...
     */
    public static String postgresDefault(Kind kind, String table, List<String> columns, Predicate<String> taken) {
        String name1 = postgresTruncate(table);
        String name2 = switch (kind) {
            case PRIMARY_KEY -> null;
            case CHECK -> columns.size() == 1 ? columns.get(0) : null;
            case SEQUENCE -> columns.isEmpty() ? null : columns.get(0);
            default -> columns.isEmpty() ? null : joinColumns(columns);
        };
        String label = kind.label();
        for (int pass = 0;; pass++) {
            String candidate = makeObjectName(name1, name2, pass == 0 ? label : label + pass);
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** SQLAlchemy's truncation of a generated name longer than 63 characters. */
    public static String sqlalchemyTruncate(String name) {
        // Python's len() and slices count code points
        if (name.codePointCount(0, name.length()) <= MAX_BYTES) {
            return name;
        }
        String hex = md5Hex(name);
        return name.substring(0, name.offsetByCodePoints(0, MAX_BYTES - 8)) + "_" + hex.substring(hex.length() - 4);
    }

    private static Name fromTemplate(NamingConvention convention, String template, Target t) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group(1).equals("%")) {
                m.appendReplacement(out, "%");
                continue;
            }
            String key = m.group(2);
            if (!m.group(3).equals("s")) {
                return new Name.Unknown("the naming convention's token %(" + key + ")" + m.group(3)
                        + " is not a plain %(...)s");
            }
            if (convention.computed().contains(key)) {
                return new Name.Unknown("the naming convention's token " + key + " is computed by code");
            }
            String value;
            try {
                value = token(key, t);
            } catch (RefusedToken e) {
                return new Name.Refused(e.getMessage());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Name.Given(postgresTruncate(sqlalchemyTruncate(out.toString())), Origin.CONVENTION);
    }

    /** A failure SQLAlchemy raises while formatting the name. */
    private static final class RefusedToken extends Exception {
        RefusedToken(String message) {
            super(message, null, false, false);
        }
    }

    /** ConventionDict.__getitem__ of SQLAlchemy 1.4. */
    private static String token(String key, Target t) throws RefusedToken {
        boolean fk = t.kind() == Kind.FOREIGN_KEY;
        switch (key) {
            case "table_name":
                return t.table();
            case "constraint_name":
                if (t.explicitName() == null) {
                    throw new RefusedToken("SQLAlchemy raises InvalidRequestError: the naming convention uses"
                            + " %(constraint_name)s but the " + describe(t.kind()) + " has no name");
                }
                return t.explicitName();
            case "referred_table_name":
                if (!fk || t.referredTable() == null) {
                    throw new RefusedToken("SQLAlchemy raises on %(referred_table_name)s outside a foreign key");
                }
                return t.referredTable();
            default:
                break;
        }
        Matcher m = COLUMN_TOKEN.matcher(key);
        if (!m.matches()) {
            throw new RefusedToken("SQLAlchemy raises KeyError: the naming convention's token " + key + " is unknown");
        }
        String idx = m.group(1);
        String multiples = m.group(2);
        if (multiples != null) {
            String single = key.replace("0" + multiples, "X");
            if (!fk && single.startsWith("referred_")) {
                throw new RefusedToken("SQLAlchemy raises on %(" + key + ")s outside a foreign key");
            }
            int n = t.kind() == Kind.CHECK ? 0 : t.columns().size();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                parts.add(column(single, i, t));
            }
            return String.join(multiples.startsWith("_") ? "_" : "", parts);
        }
        return column(key.replace(idx, "X"), Integer.parseInt(idx), t);
    }

    private static String column(String attr, int i, Target t) throws RefusedToken {
        // a CHECK's condition reaches SQLAlchemy as text (op.create_check_constraint("...")), which names no
        // column: the column tokens of its convention render as ""
        List<String> columns = t.kind() == Kind.CHECK ? List.of() : t.columns();
        switch (attr) {
            case "column_X_name", "column_X_key":
                return i < columns.size() ? columns.get(i) : "";
            case "column_X_label":
                if (i >= columns.size()) {
                    return "";
                }
                String table = t.schema() == null ? t.table() : t.schema().replace('.', '_') + "_" + t.table();
                return table + "_" + columns.get(i);
            case "referred_column_X_name":
                if (t.kind() != Kind.FOREIGN_KEY || i >= t.referredColumns().size()) {
                    throw new RefusedToken("SQLAlchemy raises on %(referred_column_" + i + "_name)s without that"
                            + " referred column");
                }
                return t.referredColumns().get(i);
            default:
                throw new RefusedToken("SQLAlchemy raises KeyError: the naming convention's token "
                        + attr.replace("X", String.valueOf(i)) + " is unknown");
        }
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case PRIMARY_KEY -> "primary key";
            case UNIQUE -> "unique constraint";
            case FOREIGN_KEY -> "foreign key";
            case CHECK -> "check constraint";
            case INDEX -> "index";
            case SEQUENCE -> "sequence";
        };
    }

    /** ChooseIndexNameAddition: names joined by {@code _}, stopping once 63 bytes are reached. */
    private static String joinColumns(List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            if (!sb.isEmpty()) {
                sb.append('_');
            }
            sb.append(clipBytes(c, MAX_BYTES));
            if (bytes(sb.toString()) >= MAX_BYTES + 1) {
                break;
            }
        }
        return sb.toString();
    }

    /** makeObjectName: shortens the longer of the two names until name1_name2_label fits in 63 bytes. */
    private static String makeObjectName(String name1, String name2, String label) {
        int overhead = 0;
        int name1chars = bytes(name1);
        int name2chars = 0;
        if (name2 != null) {
            name2chars = bytes(name2);
            overhead++;
        }
        if (label != null) {
            overhead += label.length() + 1;
        }
        int avail = MAX_BYTES - overhead;
        while (name1chars + name2chars > avail) {
            if (name1chars > name2chars) {
                name1chars--;
            } else {
                name2chars--;
            }
        }
        StringBuilder sb = new StringBuilder(clipBytes(name1, name1chars));
        if (name2 != null) {
            sb.append('_').append(clipBytes(name2, name2chars));
        }
        if (label != null) {
            sb.append('_').append(label);
        }
        return sb.toString();
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code s} of at most {@code max} UTF-8 bytes that ends on a character boundary. */
    private static String clipBytes(String s, int max) {
        if (bytes(s) <= max) {
            return s;
        }
        int used = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > max) {
                break;
            }
            used += len;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    private static String md5Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }
}
