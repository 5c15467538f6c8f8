package dev.idemlint.sql;

import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.FormatType;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation.NamedConstraint;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.RowSource;
import dev.idemlint.migration.SqlText;
import dev.idemlint.migration.StatementLocks;
import dev.idemlint.migration.TypeChange;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Classifies one statement from its tokens by keywords. Anything whose shape it cannot read
 * becomes {@link Operation.Unknown}; names it cannot read statically (dynamic parts) are null.
 *
 * <p>MySQL/MariaDB statements are read into the same operations: {@code ADD INDEX|KEY|UNIQUE KEY},
 * {@code DROP INDEX|KEY|FOREIGN KEY}, {@code MODIFY}, {@code CHANGE}, {@code RENAME INDEX|KEY},
 * {@code RENAME TABLE}, {@code DROP INDEX ... ON t}, {@code INSERT IGNORE}, {@code ON DUPLICATE KEY
 * UPDATE}, {@code REPLACE}. None of these is valid PostgreSQL, so one reader serves every dialect: a
 * PostgreSQL project never meets them in SQL that runs.
 */
final class StatementClassifier {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Set<String> BENIGN = Set.of("UPDATE", "DELETE", "SELECT", "GRANT", "REVOKE", "SET",
            "SHOW", "ANALYZE", "ANALYSE", "VACUUM", "LOCK", "TRUNCATE", "BEGIN", "COMMIT", "END", "START",
            "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "RESET", "NOTIFY", "LISTEN", "UNLISTEN", "DISCARD",
            "CLUSTER", "REINDEX", "CHECKPOINT", "VALUES", "TABLE", "EXPLAIN", "COPY", "DEALLOCATE", "LOAD",
            "OPTIMIZE", "FLUSH", "USE");
    /** The attributes that may follow a table constraint: they name no column. */
    private static final Set<String> CONSTRAINT_ATTRIBUTES = Set.of("DEFERRABLE", "NOT", "INITIALLY", "DEFERRED",
            "IMMEDIATE");

    /** Words that end a column's type: PostgreSQL's column constraints and MySQL's column attributes. */
    /** The serial pseudo-types of {@code CREATE TABLE} and {@code ADD COLUMN}. */
    private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
            "serial8");

    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT",
            "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "COLLATE", "GENERATED", "AUTO_INCREMENT", "COMMENT",
            "AFTER", "FIRST");
    private static final Set<String> CREATE_MODIFIERS = Set.of("GLOBAL", "LOCAL", "TEMP", "TEMPORARY",
            "UNLOGGED", "RECURSIVE", "TRUSTED", "PROCEDURAL", "FULLTEXT", "SPATIAL");
    /** MySQL table options an ALTER TABLE may carry among its actions: none creates or drops an object. */
    private static final Set<String> MYSQL_TABLE_OPTIONS = Set.of("ALGORITHM", "LOCK", "ENGINE", "CONVERT",
            "AUTO_INCREMENT", "CHARACTER", "CHARSET", "COLLATE", "COMMENT", "ROW_FORMAT", "KEY_BLOCK_SIZE", "ORDER");
    /** Kinds identified by a signature, not a name: {@code DROP CAST (a AS b)}, {@code DROP USER MAPPING FOR r SERVER s}. */
    private static final Set<ObjectKind> NAMELESS = Set.of(ObjectKind.OTHER, ObjectKind.OPERATOR, ObjectKind.CAST,
            ObjectKind.USER_MAPPING, ObjectKind.TRANSFORM);
    private static final Set<String> BENIGN_TABLE_ACTIONS = Set.of("SET", "RESET", "OWNER", "ENABLE", "DISABLE",
            "VALIDATE", "CLUSTER", "REPLICA", "FORCE", "NO", "NOT", "INHERIT", "OF");

    private final OpSite base;
    private final SqlText sql;
    private final List<SqlToken> toks;
    private final Guard guard;
    private final TokenCursor c;
    private OpSite site;

    private StatementClassifier(OpSite base, SqlText sql, List<SqlToken> toks, Guard guard) {
        this.base = base;
        this.sql = sql;
        this.toks = toks;
        this.guard = guard;
        this.c = new TokenCursor(toks);
    }

    static List<Operation> classify(OpSite base, SqlText sql, List<SqlToken> toks, Guard guard) {
        return new StatementClassifier(base, sql, toks, guard).classify();
    }

    private List<Operation> classify() {
        SqlToken first = toks.get(0);
        if (!SqlToken.allClosed(toks) || first.kind() != SqlToken.Kind.WORD || first.dynamic()) {
            return unknown();
        }
        String kw = first.text().toUpperCase(Locale.ROOT);
        c.seek(1);
        return switch (kw) {
            case "ALTER" -> alter();
            case "CREATE" -> create();
            case "DROP" -> drop();
            // INSERT IGNORE and REPLACE (MySQL) let a duplicate key pass, as ON CONFLICT does
            case "INSERT" -> {
                boolean ignore = c.accept("IGNORE");
                yield c.accept("INTO") || ignore ? insert(ignore) : unknown();
            }
            case "REPLACE" -> {
                c.accept("INTO");
                yield insert(true);
            }
            case "RENAME" -> c.accept("TABLE") ? renameTables() : unknown();
            case "WITH" -> with();
            case "DELETE" -> delete();
            case "TRUNCATE" -> truncate();
            case "DO" -> doBlock();
            case "COMMENT" -> benign("COMMENT ON");
            case "REFRESH" -> benign("REFRESH MATERIALIZED VIEW");
            case "SECURITY" -> benign("SECURITY LABEL");
            default -> BENIGN.contains(kw) ? benign(kw) : unknown();
        };
    }

    // ---- results -------------------------------------------------------------------------------

    private OpSite site() {
        if (site == null) {
            int start = toks.get(0).start();
            int end = toks.get(toks.size() - 1).end();
            Span span = sql.fileSpan(start, end);
            // A Python-level guard wins over one found in the SQL, except a bare try/except, which guards nothing, and
            // a condition on configuration, which decides whether the SQL runs, not what it meets.
            Guard g = guard != null && (Guard.protectsNothing(base.guard()) || base.guard().settled()) ? guard
                    : base.guard();
            if (sql == base.sql()) {
                OpSite s = base.forSql(span, start, end);
                site = s.guard() == g ? s : s.withGuard(g);
            } else {
                site = new OpSite(Origin.RAW_SQL, base.phase(), span, base.callRef(), base.statement(), sql, start, end,
                        g, base.autocommit(), base.indirect(), base.conditional(), base.afterCommit(), base.engine());
            }
            site = site.withTargets(QualifiedNames.targets(toks));
        }
        return site;
    }

    private List<Operation> one(Operation op) {
        return List.of(op);
    }

    private List<Operation> benign(String what) {
        return one(new Operation.Benign(site(), what));
    }

    private List<Operation> unknown() {
        return one(unknownOp());
    }

    private Operation unknownOp() {
        return unknownOp(null);
    }

    /** Unknown labelled by its first two words, or by the ALTER TABLE action that was not understood. */
    private Operation unknownOp(TokenCursor action) {
        if (action != null && !action.tokens().isEmpty()) {
            SqlToken w = action.tokens().get(0);
            return new Operation.Unknown(site(), "ALTER TABLE ... "
                    + (w.kind() == SqlToken.Kind.WORD && !w.dynamic() ? w.text().toUpperCase(Locale.ROOT) : "?"));
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < toks.size() && k < 2; k++) {
            SqlToken t = toks.get(k);
            if (t.kind() != SqlToken.Kind.WORD) {
                break;
            }
            sb.append(k > 0 ? " " : "").append(t.dynamic() ? "?" : t.text().toUpperCase(Locale.ROOT));
        }
        return new Operation.Unknown(site(), sb.length() == 0 ? "sql" : sb.toString());
    }

    private static String value(TokenCursor.Name n) {
        return n == null ? null : n.value();
    }

    /** The keywords from token {@code from} to the cursor, upper case: "MATERIALIZED VIEW". */
    private String words(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            sb.append(k > from ? " " : "").append(toks.get(k).text().toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }

    // ---- ALTER ---------------------------------------------------------------------------------

    private List<Operation> alter() {
        if (c.accept("TABLE") || c.accept("FOREIGN", "TABLE")) {
            return alterTable();
        }
        if (c.accept("TYPE")) {
            return alterType();
        }
        if (c.accept("DEFAULT", "PRIVILEGES")) {
            return benign("ALTER DEFAULT PRIVILEGES");
        }
        int from = c.pos();
        ObjectKind kind = objectKind();
        if (kind == null) {
            return unknown();
        }
        String label = "ALTER " + words(from, c.pos());
        boolean ifExists = c.accept("IF", "EXISTS");
        TokenCursor.Name name = kind == ObjectKind.OPERATOR ? null : c.name();
        c.skipParens();
        String table = null;
        if ((kind == ObjectKind.TRIGGER || kind == ObjectKind.POLICY || kind == ObjectKind.RULE) && c.accept("ON")) {
            table = value(c.name());
        }
        if (c.accept("RENAME")) {
            if (c.accept("TO")) {
                // IF EXISTS skips a missing relation; on a trigger, policy or rule it is not accepted
                return one(new Operation.Rename(site(), kind, table, value(name), value(c.name()),
                        ifExists && relation(kind)));
            }
            ObjectKind part = c.accept("CONSTRAINT") ? ObjectKind.CONSTRAINT : ObjectKind.COLUMN;
            c.accept("COLUMN");
            TokenCursor.Name a = c.name();
            if (a == null || !c.accept("TO")) {
                return unknown();
            }
            return one(new Operation.Rename(site(), part, value(name), a.value(), value(c.name()),
                    ifExists && relation(kind)));
        }
        if (kind == ObjectKind.DOMAIN && c.at("ADD")) {
            return unknown(); // a duplicate domain constraint fails, but the model has no domain constraint op
        }
        if (kind == ObjectKind.SEQUENCE && c.find("OWNED") >= 0) {
            // OWNED BY moves the sequence to another column or table (or none): which drops take it along is
            // no longer known
            String seq = value(name);
            return one(new Operation.Unknown(site(), label, seq == null ? Set.of()
                    : Set.of(seq.toLowerCase(Locale.ROOT))));
        }
        return benign(label);
    }

    private List<Operation> alterType() {
        TokenCursor.Name name = c.name();
        if (name == null) {
            return unknown();
        }
        if (c.accept("ADD", "VALUE")) {
            boolean ine = c.accept("IF", "NOT", "EXISTS");
            SqlToken label = c.next();
            if (label == null || label.kind() != SqlToken.Kind.STRING && !label.dynamic()) {
                return unknown();
            }
            return one(new Operation.AlterTypeAddValue(site(), name.value(), label.dynamic() ? null : label.text(),
                    ine));
        }
        if (c.accept("RENAME", "TO")) {
            return one(new Operation.Rename(site(), ObjectKind.TYPE, null, name.value(), value(c.name())));
        }
        if (c.accept("RENAME", "VALUE")) {
            // An enum label is no object of its own: OTHER, with the type in the table slot.
            String from = literal(c.next());
            String to = c.accept("TO") ? literal(c.next()) : null;
            return one(new Operation.Rename(site(), ObjectKind.OTHER, name.value(), from, to));
        }
        if (c.at("ADD", "ATTRIBUTE")) {
            return unknown();
        }
        return benign("ALTER TYPE");
    }

    private static String literal(SqlToken t) {
        return t == null || t.kind() != SqlToken.Kind.STRING || t.dynamic() ? null : t.text();
    }

    private List<Operation> alterTable() {
        if (c.accept("ALL", "IN", "TABLESPACE")) {
            return benign("ALTER TABLE ALL IN TABLESPACE");
        }
        boolean ifExists = c.accept("IF", "EXISTS");
        c.accept("ONLY");
        TokenCursor.Name table = c.name();
        if (table == null) {
            return unknown();
        }
        c.acceptOp("*");
        if (c.atEnd()) {
            return unknown();
        }
        List<Operation> ops = new ArrayList<>();
        List<List<SqlToken>> actions = c.restSplitOnCommas();
        Set<String> retyped = new HashSet<>();
        for (List<SqlToken> action : actions) {
            Operation op = tableAction(new TokenCursor(action), table.value());
            if (op instanceof Operation.Benign b && b.type() != null && b.column() != null) {
                // every USING of the statement reads the columns as they were before it
                if (b.type().cast() != null && retyped.contains(b.type().cast().column())) {
                    op = new Operation.Benign(b.site(), b.what(), b.table(), b.column(), b.type().castRetypedBefore());
                }
                retyped.add(b.column());
            }
            if (actions.size() > 1 && !action.isEmpty()) {
                // each action of several is a finding of its own, at its own words; the site keeps the statement
                op = op.withSite(op.site().withSpan(sql.fileSpan(action.get(0).start(),
                        action.get(action.size() - 1).end())));
            }
            // ALTER TABLE IF EXISTS skips the whole statement when the table is missing
            ops.add(ifExists && op instanceof Operation.Rename r
                    ? new Operation.Rename(r.site(), r.kind(), r.table(), r.from(), r.to(), true) : op);
        }
        return ops;
    }

    private Operation tableAction(TokenCursor a, String table) {
        if (a.atEnd()) {
            return unknownOp();
        }
        if (a.accept("ADD")) {
            if (a.accept("CONSTRAINT")) {
                boolean ine = a.accept("IF", "NOT", "EXISTS");
                TokenCursor.Name name = a.at("UNIQUE") || a.at("PRIMARY") || a.at("FOREIGN") || a.at("CHECK")
                        ? null : a.name();
                ConstraintKind kind = constraintKind(a);
                if (name == null && kind == ConstraintKind.UNIQUE) {
                    // MySQL: ADD CONSTRAINT UNIQUE KEY uq (a) names the key after the kind
                    return mysqlUniqueKey(a, table, ine);
                }
                // MariaDB: ADD CONSTRAINT fk FOREIGN KEY IF NOT EXISTS (a) REFERENCES ...
                ine |= kind == ConstraintKind.FOREIGN_KEY && a.accept("KEY", "IF", "NOT", "EXISTS");
                List<String> columns = kind == ConstraintKind.EXCLUDE ? excludeColumns(a) : keyColumns(a, kind);
                return new Operation.AddConstraint(site(), kind == null ? ConstraintKind.UNKNOWN : kind,
                        value(name), table, ine, columns, kind == ConstraintKind.CHECK ? condition(a) : null);
            }
            if (a.at("INDEX") || a.at("KEY") || a.at("FULLTEXT") || a.at("SPATIAL")) {
                return mysqlIndex(a, table);
            }
            if (a.at("UNIQUE") && a.peek(1) != null && !a.peek(1).isOp("(")) {
                a.next();
                return mysqlUniqueKey(a, table, false);
            }
            ConstraintKind kind = constraintKind(a);
            if (kind != null) {
                // MariaDB: ADD PRIMARY KEY IF NOT EXISTS (a), ADD FOREIGN KEY IF NOT EXISTS fk (a) ...
                boolean ine = a.accept("KEY", "IF", "NOT", "EXISTS") || a.accept("IF", "NOT", "EXISTS");
                List<String> columns = ine ? List.of()
                        : kind == ConstraintKind.EXCLUDE ? excludeColumns(a) : keyColumns(a, kind);
                return new Operation.AddConstraint(site(), kind, null, table, ine, columns);
            }
            a.accept("COLUMN");
            boolean ine = a.accept("IF", "NOT", "EXISTS");
            int from = a.pos();
            ColumnDef col = columnDef(a, new ArrayList<>());
            return col == null ? unknownOp(a)
                    : new Operation.AddColumn(site(), table, col, ine, placedAfter(a.tokens(), from + 1, a.pos()));
        }
        if (a.accept("DROP")) {
            if (a.accept("PRIMARY", "KEY")) {
                // MySQL/MariaDB: the table's one primary key, whatever it is called (1091 when it has none)
                return a.atEnd() ? new Operation.Drop(site(), ObjectKind.CONSTRAINT, null, table, false, false, true)
                        : unknownOp(a);
            }
            if (a.accept("INDEX") || a.accept("KEY")) {
                boolean ie = a.accept("IF", "EXISTS");
                TokenCursor.Name name = a.name();
                return name == null ? unknownOp(a) : new Operation.Drop(site(), ObjectKind.INDEX, name.value(), table, ie);
            }
            if (a.accept("FOREIGN", "KEY") || a.accept("CHECK")) {
                boolean ie = a.accept("IF", "EXISTS");
                TokenCursor.Name name = a.name();
                return name == null ? unknownOp(a)
                        : new Operation.Drop(site(), ObjectKind.CONSTRAINT, name.value(), table, ie);
            }
            ObjectKind kind = a.accept("CONSTRAINT") ? ObjectKind.CONSTRAINT : ObjectKind.COLUMN;
            if (kind == ObjectKind.COLUMN) {
                a.accept("COLUMN");
            }
            boolean ie = a.accept("IF", "EXISTS");
            TokenCursor.Name name = a.name();
            return name == null ? unknownOp(a) : new Operation.Drop(site(), kind, name.value(), table, ie);
        }
        if (a.accept("RENAME")) {
            if (a.accept("TO") || a.accept("AS")) {
                return new Operation.Rename(site(), ObjectKind.TABLE, null, table, value(a.name()));
            }
            if (a.accept("INDEX") || a.accept("KEY")) {
                TokenCursor.Name from = a.name();
                if (from == null || !a.accept("TO")) {
                    return unknownOp(a);
                }
                return new Operation.Rename(site(), ObjectKind.INDEX, table, from.value(), value(a.name()));
            }
            ObjectKind kind = a.accept("CONSTRAINT") ? ObjectKind.CONSTRAINT : ObjectKind.COLUMN;
            a.accept("COLUMN");
            TokenCursor.Name from = a.name();
            if (from == null || !a.accept("TO")) {
                return unknownOp(a);
            }
            return new Operation.Rename(site(), kind, table, from.value(), value(a.name()));
        }
        if (a.accept("ALTER")) {
            return alterColumn(a, table);
        }
        if (a.accept("MODIFY")) {
            a.accept("COLUMN");
            a.accept("IF", "EXISTS");
            TokenCursor.Name col = a.name();
            return new Operation.Benign(site(), "ALTER TABLE ... MODIFY", table, value(col));
        }
        if (a.accept("CHANGE")) {
            // CHANGE [COLUMN] old new type: a rename unless the name stays
            a.accept("COLUMN");
            a.accept("IF", "EXISTS");
            TokenCursor.Name from = a.name();
            TokenCursor.Name to = a.name();
            if (from == null || to == null) {
                return unknownOp(a);
            }
            return from.value() != null && from.value().equalsIgnoreCase(to.value())
                    ? new Operation.Benign(site(), "ALTER TABLE ... CHANGE", table, from.value())
                    : new Operation.Rename(site(), ObjectKind.COLUMN, table, from.value(), to.value());
        }
        SqlToken first = a.peek();
        if (first.kind() == SqlToken.Kind.WORD && !first.dynamic()
                && MYSQL_TABLE_OPTIONS.contains(first.text().toUpperCase(Locale.ROOT))) {
            return new Operation.Benign(site(), "ALTER TABLE ... " + first.text().toUpperCase(Locale.ROOT));
        }
        if (first.kind() == SqlToken.Kind.WORD && !first.dynamic()
                && BENIGN_TABLE_ACTIONS.contains(first.text().toUpperCase(Locale.ROOT))) {
            SqlToken second = a.peek(1);
            String label = first.text().toUpperCase(Locale.ROOT)
                    + (second != null && second.kind() == SqlToken.Kind.WORD && !second.dynamic()
                            ? " " + second.text().toUpperCase(Locale.ROOT) : "");
            // the table of a validation is kept: the lock rules ask which transaction added the constraint to it
            return label.equals("VALIDATE CONSTRAINT")
                    ? new Operation.Benign(site(), StatementLocks.VALIDATE, table, null)
                    : new Operation.Benign(site(), "ALTER TABLE ... " + label);
        }
        return unknownOp(a); // ATTACH/DETACH PARTITION and anything unread
    }

    /**
     * {@code ALTER [COLUMN] c ...}, the cursor past ALTER: the actions on the column's identity become a
     * {@link Operation.ColumnIdentity}, the rest (type, nullability, other defaults) stays benign.
     */
    private Operation alterColumn(TokenCursor a, String table) {
        Operation benign = new Operation.Benign(site(), "ALTER TABLE ... ALTER COLUMN");
        a.accept("COLUMN");
        TokenCursor.Name column = a.name();
        if (column == null) {
            return benign;
        }
        if (a.accept("TYPE") || a.accept("SET", "DATA", "TYPE")) {
            return new Operation.Benign(site(), "ALTER TABLE ... ALTER COLUMN", table, value(column),
                    typeChange(a, value(column)));
        }
        Operation.IdentityChange change = null;
        if (a.accept("ADD", "GENERATED", "ALWAYS", "AS", "IDENTITY")
                || a.accept("ADD", "GENERATED", "BY", "DEFAULT", "AS", "IDENTITY")) {
            change = Operation.IdentityChange.ADD;
        } else if (a.accept("DROP", "IDENTITY")) {
            change = a.accept("IF", "EXISTS") ? Operation.IdentityChange.DROP_IF_EXISTS : Operation.IdentityChange.DROP;
        } else if (a.accept("DROP", "DEFAULT")) {
            change = Operation.IdentityChange.DROP_DEFAULT;
        } else if (a.accept("SET", "DEFAULT")) {
            // an expression follows, whatever it is the column has a default afterwards
            return new Operation.ColumnIdentity(site(), table, value(column), Operation.IdentityChange.SET_DEFAULT);
        }
        if (change == null) {
            return benign;
        }
        // ADD GENERATED ... AS IDENTITY may carry sequence options in parentheses; the others end here. An
        // identity action with a tail not read may have changed the identity in any way: unread, not benign
        boolean whole = a.atEnd() || change == Operation.IdentityChange.ADD && a.peek().isOp("(");
        return new Operation.ColumnIdentity(site(), table, value(column), whole ? change : Operation.IdentityChange.UNREAD);
    }

    /**
     * {@code TYPE t [COLLATE c] [USING expr]}, the cursor past TYPE: the type as {@code format_type} prints it and
     * the conversion as {@link TypeChange#of} reads it, each only when its text is all there (no part made at run
     * time); a type not read leaves the column's type unknown.
     */
    private TypeChange typeChange(TokenCursor a, String column) {
        List<SqlToken> all = a.tokens();
        int from = a.pos();
        int using = a.find("USING");
        int collate = a.find("COLLATE");
        int typeEnd = collate >= 0 ? collate : using >= 0 ? using : all.size();
        String type = text(all, from, typeEnd);
        String formatType = type == null ? null : FormatType.ofSql(type);
        if (formatType == null) {
            return TypeChange.UNREAD;
        }
        String conversion = using < 0 ? null : text(all, using + 1, all.size());
        return using >= 0 && conversion == null ? new TypeChange(formatType, null, 0)
                : TypeChange.of(formatType, conversion, column);
    }

    /** The statement's text of tokens {@code [from, to)}, null when there are none or a part is made at run time. */
    private String text(List<SqlToken> all, int from, int to) {
        if (to <= from) {
            return null;
        }
        int s = all.get(from).start();
        int e = all.get(to - 1).end();
        return sql.isDynamic(s, e) ? null : sql.text().substring(s, e);
    }

    /**
     * MySQL's {@code ADD {INDEX|KEY|FULLTEXT [KEY]|SPATIAL [KEY]} [IF NOT EXISTS] [name] [USING m] (cols)}:
     * an index, never a column named "index".
     */
    private Operation mysqlIndex(TokenCursor a, String table) {
        a.accept("FULLTEXT");
        a.accept("SPATIAL");
        if (!a.accept("INDEX")) {
            a.accept("KEY");
        }
        boolean ine = a.accept("IF", "NOT", "EXISTS");
        String name = a.peek() == null || a.peek().isOp("(") || a.at("USING") ? null : value(a.name());
        return new Operation.CreateIndex(site(), name, table, false, ine, false);
    }

    /**
     * MySQL's {@code ADD UNIQUE [INDEX|KEY] [IF NOT EXISTS] [name] (cols)}, the cursor past UNIQUE: a unique
     * constraint, which MySQL keeps as an index of that name (a duplicate fails as a duplicate key name).
     */
    private Operation mysqlUniqueKey(TokenCursor a, String table, boolean ine) {
        if (!a.accept("INDEX")) {
            a.accept("KEY");
        }
        ine |= a.accept("IF", "NOT", "EXISTS");
        // PostgreSQL's ADD UNIQUE USING INDEX / NULLS NOT DISTINCT name no key here
        String name = a.peek() == null || a.peek().isOp("(") || a.at("USING") || a.at("NULLS") ? null : value(a.name());
        return new Operation.AddConstraint(site(), ConstraintKind.UNIQUE, name, table, ine);
    }

    /** The kind of a table constraint starting at the cursor (consumed), or null. */
    /**
     * The columns of a PostgreSQL {@code PRIMARY KEY (a, b)}, {@code UNIQUE (a)} or {@code FOREIGN KEY (a)
     * REFERENCES ...}, past its kind's first word: the columns DROP COLUMN takes the key with. Empty when they
     * are not the whole of what the key uses on its table (a check's expression, {@code INCLUDE}, {@code USING
     * INDEX}, a name not plain).
     */
    private static List<String> keyColumns(TokenCursor a, ConstraintKind kind) {
        if (kind != ConstraintKind.PRIMARY_KEY && kind != ConstraintKind.UNIQUE && kind != ConstraintKind.FOREIGN_KEY) {
            return List.of();
        }
        if (kind != ConstraintKind.UNIQUE && !a.accept("KEY")) {
            return List.of();
        }
        List<String> columns = a.peek() != null && a.peek().isOp("(") ? columnList(a) : null;
        boolean whole = kind == ConstraintKind.FOREIGN_KEY ? a.at("REFERENCES") : a.atEnd();
        return columns != null && whole ? columns : List.of();
    }

    /**
     * The columns a PostgreSQL {@code EXCLUDE [USING method] (element WITH operator, ...) [INCLUDE (...)]
     * [WHERE (predicate)]} uses, past EXCLUDE: the columns DROP COLUMN takes the constraint with (its index
     * depends on each). An element is read when it is a plain column, a call or a parenthesized expression
     * ({@link CheckColumns}); empty when any part is not read (an operator class, a collation, ordering,
     * storage parameters, a dynamic part).
     */
    private List<String> excludeColumns(TokenCursor a) {
        if (a.accept("USING") && (a.atEnd() || a.next().identifier() == null)) {
            return List.of();
        }
        if (a.peek() == null || !a.peek().isOp("(")) {
            return List.of();
        }
        int open = a.pos();
        a.skipParens();
        if (!a.tokens().get(a.pos() - 1).isOp(")")) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (List<SqlToken> element : TokenCursor.splitOnCommas(a.tokens().subList(open + 1, a.pos() - 1))) {
            List<String> used = excludeElement(element);
            if (used == null) {
                return List.of();
            }
            out.addAll(used);
        }
        if (a.accept("INCLUDE")) {
            List<String> included = a.peek() != null && a.peek().isOp("(") ? columnList(a) : null;
            if (included == null) {
                return List.of();
            }
            out.addAll(included);
        }
        if (a.accept("WHERE")) {
            List<String> read = CheckColumns.of(condition(a));
            if (read == null) {
                return List.of();
            }
            a.skipParens();
            out.addAll(read);
        }
        while (CONSTRAINT_ATTRIBUTES.stream().anyMatch(a::at)) {
            a.next();
        }
        return a.atEnd() ? List.copyOf(out) : List.of();
    }

    /**
     * The columns of one {@code element WITH operator} of an EXCLUDE constraint: a plain name, or a call or
     * parenthesized expression read by {@link CheckColumns}; null when not read.
     */
    private List<String> excludeElement(List<SqlToken> element) {
        int with = SqlToken.topLevel(element, 0, t -> t.is("WITH"));
        if (with < 1 || with == element.size() - 1) {
            return null;
        }
        List<SqlToken> target = element.subList(0, with);
        SqlToken first = target.get(0);
        SqlToken last = target.get(target.size() - 1);
        if (target.size() == 1) {
            return first.identifier() == null ? null : List.of(first.identifier());
        }
        // (expression) or f(args): the whole target is one balanced group ending at its closing parenthesis
        boolean call = first.isNameLike() && target.get(1).isOp("(");
        if (!(first.isOp("(") || call) || !last.isOp(")") || sql.isDynamic(first.start(), last.end())) {
            return null;
        }
        for (int k = call ? 1 : 0, d = 0; k < target.size(); k++) {
            d += target.get(k).isOp("(") ? 1 : target.get(k).isOp(")") ? -1 : 0;
            if (d == 0 && k != target.size() - 1) {
                return null;
            }
        }
        return CheckColumns.of(sql.text().substring(first.start(), last.end()));
    }

    /** The inside of a CHECK's {@code (...)}, next at {@code a}, as written; null when dynamic or not closed. */
    private String condition(TokenCursor a) {
        if (a.peek() == null || !a.peek().isOp("(")) {
            return null;
        }
        int depth = 0;
        for (int k = 0; a.peek(k) != null; k++) {
            SqlToken t = a.peek(k);
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (depth == 0) {
                if (k < 2) {
                    return null;
                }
                int s = a.peek(1).start();
                int e = a.peek(k - 1).end();
                return sql.isDynamic(s, e) ? null : sql.text().substring(s, e);
            }
        }
        return null;
    }

    private static ConstraintKind constraintKind(TokenCursor a) {
        ConstraintKind kind = a.at("FOREIGN") ? ConstraintKind.FOREIGN_KEY
                : a.at("UNIQUE") ? ConstraintKind.UNIQUE
                : a.at("CHECK") ? ConstraintKind.CHECK
                : a.at("PRIMARY") ? ConstraintKind.PRIMARY_KEY
                : a.at("EXCLUDE") ? ConstraintKind.EXCLUDE : null;
        if (kind != null) {
            a.next();
        }
        return kind;
    }

    /**
     * {@code name type [constraints]}; null when no name is there. Named column constraints are
     * added to {@code named}.
     */
    private ColumnDef columnDef(TokenCursor a, List<NamedConstraint> named) {
        SqlToken nameTok = a.peek();
        if (nameTok == null || !nameTok.isNameLike()) {
            return null;
        }
        a.next();
        int typeFrom = a.pos();
        int typeEnd = SqlToken.topLevel(a.tokens(), typeFrom, t -> t.kind() == SqlToken.Kind.WORD && !t.dynamic()
                && COLUMN_CONSTRAINT_START.contains(t.text().toUpperCase(Locale.ROOT)));
        a.seek(typeEnd < 0 ? a.tokens().size() : typeEnd);
        List<SqlToken> all = a.tokens();
        String typeText = null;
        if (a.pos() > typeFrom) {
            int s = all.get(typeFrom).start();
            int e = all.get(a.pos() - 1).end();
            if (!sql.isDynamic(s, e)) {
                typeText = WHITESPACE.matcher(sql.text().substring(s, e)).replaceAll(" ");
            }
        }
        boolean unique = false;
        boolean pk = false;
        boolean fk = false;
        String fkName = null;
        String pending = null;
        int depth = 0;
        while (!a.atEnd()) {
            SqlToken t = a.next();
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (depth != 0) {
                continue;
            }
            if (t.is("CONSTRAINT")) {
                pending = a.peek() == null ? null : a.next().identifier();
                continue;
            }
            ConstraintKind kind = t.is("UNIQUE") ? ConstraintKind.UNIQUE
                    : t.is("PRIMARY") ? ConstraintKind.PRIMARY_KEY
                    : t.is("REFERENCES") ? ConstraintKind.FOREIGN_KEY
                    : t.is("CHECK") ? ConstraintKind.CHECK : null;
            if (kind == ConstraintKind.UNIQUE) {
                unique = true;
            } else if (kind == ConstraintKind.PRIMARY_KEY) {
                pk = true;
            } else if (kind == ConstraintKind.FOREIGN_KEY) {
                fk = true;
                fkName = pending;
            }
            if (kind != null && pending != null) {
                named.add(new NamedConstraint(kind, pending));
            }
            if (kind != null || t.is("NOT") || t.is("NULL") || t.is("DEFAULT")) {
                pending = null;
            }
        }
        Span span = sql.fileSpan(nameTok.start(), all.get(all.size() - 1).end());
        // serial is no type: PostgreSQL makes an integer column with an owned sequence and a nextval default
        ColumnDef.Serial serial = typeText != null && SERIAL_TYPES.contains(typeText.toLowerCase(Locale.ROOT))
                ? ColumnDef.Serial.SQL : ColumnDef.Serial.NO;
        return new ColumnDef(nameTok.identifier(), typeText, FormatType.ofSql(typeText), null, false, unique, pk, fk,
                fkName, span, null, serial);
    }

    /**
     * The column of MySQL's and MariaDB's {@code AFTER c} among {@code tokens[from, to)} of a column's definition (past
     * its name), outside parentheses; null when none is written or its name is dynamic.
     */
    private static String placedAfter(List<SqlToken> tokens, int from, int to) {
        int depth = 0;
        for (int i = from; i < to - 1; i++) {
            SqlToken t = tokens.get(i);
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (depth == 0 && t.is("AFTER") && tokens.get(i + 1).isNameLike()) {
                return tokens.get(i + 1).identifier();
            }
        }
        return null;
    }

    // ---- CREATE --------------------------------------------------------------------------------

    private List<Operation> create() {
        boolean orReplace = c.accept("OR", "REPLACE");
        boolean temporary = false;
        while (c.peek() != null && c.peek().kind() == SqlToken.Kind.WORD && !c.peek().dynamic()
                && CREATE_MODIFIERS.contains(c.peek().text().toUpperCase(Locale.ROOT))) {
            String w = c.next().text().toUpperCase(Locale.ROOT);
            temporary |= w.equals("TEMP") || w.equals("TEMPORARY");
        }
        boolean unique = c.accept("UNIQUE");
        c.accept("CONSTRAINT"); // CREATE CONSTRAINT TRIGGER
        if (c.accept("TABLE") || c.accept("FOREIGN", "TABLE")) {
            return createTable(orReplace, temporary);
        }
        if (c.accept("INDEX")) {
            return createIndex(unique, orReplace);
        }
        if (c.accept("TYPE")) {
            return createType();
        }
        ObjectKind kind = objectKind();
        if (kind == null) {
            return orReplace ? one(new Operation.CreateObject(site(), ObjectKind.OTHER, null, null, false, true))
                    : unknown();
        }
        boolean ine = c.accept("IF", "NOT", "EXISTS");
        String name = null;
        String table = null;
        String function = null;
        switch (kind) {
            case SCHEMA -> {
                name = c.at("AUTHORIZATION") ? null : value(c.name());
                if (name == null && c.accept("AUTHORIZATION")) {
                    name = value(c.name()); // the schema is named after the role
                }
            }
            case OPERATOR -> name = operatorName();
            case TRIGGER, POLICY, RULE -> {
                name = value(c.name());
                int on = c.find(kind == ObjectKind.RULE ? "TO" : "ON");
                if (on >= 0) {
                    c.seek(on + 1);
                    c.accept("ONLY");
                    table = value(c.name());
                }
                int execute = kind == ObjectKind.TRIGGER ? c.find("EXECUTE") : -1;
                if (execute >= 0) {
                    c.seek(execute + 1);
                    if (c.accept("FUNCTION") || c.accept("PROCEDURE")) {
                        int before = c.pos();
                        TokenCursor.Name f = c.name();
                        // a schema-qualified function is left unread: which one a search path finds is not known
                        function = c.pos() == before + 1 ? value(f) : null;
                    }
                }
            }
            default -> {
                if (!c.at("FOR") && !c.at("ON")) {
                    name = value(c.name());
                }
            }
        }
        return one(new Operation.CreateObject(site(), kind, name, table, ine, orReplace, function));
    }

    private String operatorName() {
        StringBuilder sb = new StringBuilder();
        while (!c.atEnd() && !c.peek().isOp("(")) {
            SqlToken t = c.next();
            if (t.dynamic()) {
                return null;
            }
            sb.append(t.isOp(".") ? "" : t.text());
            if (t.isOp(".")) {
                sb.setLength(0); // schema.op: keep the operator
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** {@code orReplace}: MariaDB's CREATE OR REPLACE TABLE, which a re-run survives like IF NOT EXISTS. */
    private List<Operation> createTable(boolean orReplace, boolean temporary) {
        boolean ine = c.accept("IF", "NOT", "EXISTS") || orReplace;
        TokenCursor.Name table = c.name();
        if (table == null) {
            return unknown();
        }
        String partitionOf = null;
        if (c.accept("PARTITION", "OF")) {
            TokenCursor.Name parent = c.name();
            if (parent == null || parent.value() == null) {
                return unknown();
            }
            partitionOf = parent.value();
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<NamedConstraint> named = new ArrayList<>();
        List<TokenCursor.Name> like = new ArrayList<>();
        Set<String> likeIncludes = Set.of();
        if (c.accept("LIKE")) {
            like.add(c.name()); // MySQL: CREATE TABLE t LIKE old
        } else if (c.peek() != null && c.peek().isOp("(")) {
            int open = c.pos();
            c.skipParens();
            int close = c.pos() - 1;
            if (close > open && toks.get(close).isOp(")")) {
                for (List<SqlToken> element : TokenCursor.splitOnCommas(toks.subList(open + 1, close))) {
                    TokenCursor e = new TokenCursor(element);
                    if (e.accept("LIKE")) {
                        like.add(e.name());
                        likeIncludes = likeOptions(e);
                    } else {
                        tableElement(e, columns, named);
                    }
                }
            }
        }
        if (like.size() > 1 || like.size() == 1 && (like.get(0) == null || like.get(0).value() == null)) {
            return unknown(); // the columns of more than one table, or of one whose name is not read
        }
        return one(new Operation.CreateTable(site(), table.value(), List.copyOf(columns), ine, List.copyOf(named),
                partitionOf, temporary, false, like.isEmpty() ? null : like.get(0).value(), likeIncludes));
    }

    /** What PostgreSQL's {@code LIKE} clause may copy besides the columns and their NOT NULL (PostgreSQL 15). */
    private static final List<String> LIKE_OPTIONS = List.of("COMMENTS", "COMPRESSION", "CONSTRAINTS", "DEFAULTS",
            "GENERATED", "IDENTITY", "INDEXES", "STATISTICS", "STORAGE");

    /**
     * The options a {@code LIKE old} element's {@code INCLUDING} / {@code EXCLUDING} words leave in effect, read left
     * to right as PostgreSQL reads them ({@code INCLUDING ALL EXCLUDING DEFAULTS}); null when a word is not one of
     * them.
     */
    private static Set<String> likeOptions(TokenCursor e) {
        Set<String> on = new TreeSet<>();
        while (!e.atEnd()) {
            boolean including = e.accept("INCLUDING");
            if (!including && !e.accept("EXCLUDING")) {
                return null;
            }
            SqlToken w = e.next();
            List<String> options = w == null ? null : w.is("ALL") ? LIKE_OPTIONS
                    : LIKE_OPTIONS.stream().filter(w::is).toList();
            if (options != null && options.isEmpty()) {
                options = null;
            }
            if (options == null) {
                return null;
            }
            if (including) {
                on.addAll(options);
            } else {
                options.forEach(on::remove);
            }
        }
        return Set.copyOf(on);
    }

    private void tableElement(TokenCursor e, List<ColumnDef> columns, List<NamedConstraint> named) {
        if (e.atEnd()) {
            return;
        }
        if (e.accept("CONSTRAINT")) {
            TokenCursor.Name name = e.name();
            ConstraintKind kind = constraintKind(e);
            if (name != null && name.value() != null) {
                named.add(new NamedConstraint(kind == null ? ConstraintKind.UNKNOWN : kind, name.value()));
            }
            return;
        }
        if (e.at("FOREIGN") || e.at("UNIQUE") || e.at("CHECK") || e.at("PRIMARY")
                || e.at("EXCLUDE") || e.at("KEY") || e.at("INDEX") || e.at("FULLTEXT") || e.at("SPATIAL")) {
            return; // MySQL's KEY ix (a) / INDEX ix (a) in a table body is an index, not a column
        }
        ColumnDef col = columnDef(e, named);
        if (col != null) {
            columns.add(col);
        }
    }

    private List<Operation> createIndex(boolean unique, boolean orReplace) {
        boolean concurrently = c.accept("CONCURRENTLY");
        boolean ine = c.accept("IF", "NOT", "EXISTS") || orReplace;
        String name = null;
        if (!c.at("ON")) {
            TokenCursor.Name n = c.name();
            if (n == null) {
                return unknown();
            }
            name = n.value();
        }
        if (c.accept("USING")) {
            c.next(); // MySQL: CREATE INDEX ix USING BTREE ON t (a)
        }
        if (!c.accept("ON")) {
            return unknown();
        }
        c.accept("ONLY");
        TokenCursor.Name table = c.name();
        if (table == null) {
            return unknown();
        }
        if (c.accept("USING")) {
            c.next();
        }
        // the columns PostgreSQL drops the index with (DROP COLUMN takes every index using one): read only
        // when they are the whole of what it uses, plain names and nothing after them (INCLUDE, WHERE...)
        List<String> columns = c.peek() != null && c.peek().isOp("(") ? columnList() : null;
        return one(new Operation.CreateIndex(site(), name, table.value(), unique, ine, concurrently,
                columns != null && c.atEnd() ? columns : List.of()));
    }

    private List<Operation> createType() {
        boolean ine = c.accept("IF", "NOT", "EXISTS");
        TokenCursor.Name name = c.name();
        if (name == null) {
            return unknown();
        }
        if (c.accept("AS", "ENUM")) {
            if (!c.acceptOp("(")) {
                return unknown();
            }
            List<String> labels = new ArrayList<>();
            boolean readable = true;
            while (!c.atEnd() && !c.peek().isOp(")")) {
                SqlToken t = c.next();
                if (t.kind() == SqlToken.Kind.STRING && !t.dynamic()) {
                    labels.add(t.text());
                } else if (!t.isOp(",")) {
                    readable = false;
                }
            }
            return one(new Operation.CreateEnumType(site(), name.value(), readable ? List.copyOf(labels) : List.of(),
                    false, ine));
        }
        return one(new Operation.CreateObject(site(), ObjectKind.TYPE, name.value(), null, ine, false));
    }

    /** Consumes the object noun after CREATE/ALTER/DROP; null when not one we know. */
    /** The kinds whose ALTER takes {@code IF EXISTS}: relations (PostgreSQL's RenameRelation skips a missing one). */
    private static boolean relation(ObjectKind kind) {
        return kind == ObjectKind.TABLE || kind == ObjectKind.INDEX || kind == ObjectKind.SEQUENCE
                || kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW;
    }

    private ObjectKind objectKind() {
        if (c.accept("MATERIALIZED", "VIEW")) {
            return ObjectKind.MATERIALIZED_VIEW;
        }
        ObjectKind multiWord = c.accept("EVENT", "TRIGGER") ? ObjectKind.EVENT_TRIGGER
                : c.accept("OPERATOR", "CLASS") ? ObjectKind.OPERATOR_CLASS
                : c.accept("OPERATOR", "FAMILY") ? ObjectKind.OPERATOR_FAMILY
                : c.accept("USER", "MAPPING") ? ObjectKind.USER_MAPPING
                : c.accept("FOREIGN", "DATA", "WRAPPER") ? ObjectKind.FOREIGN_DATA_WRAPPER
                : c.accept("ACCESS", "METHOD") ? ObjectKind.ACCESS_METHOD
                : c.accept("TEXT", "SEARCH", "CONFIGURATION") ? ObjectKind.TEXT_SEARCH_CONFIGURATION
                : c.accept("TEXT", "SEARCH", "DICTIONARY") ? ObjectKind.TEXT_SEARCH_DICTIONARY
                : c.accept("TEXT", "SEARCH", "PARSER") ? ObjectKind.TEXT_SEARCH_PARSER
                : c.accept("TEXT", "SEARCH", "TEMPLATE") ? ObjectKind.TEXT_SEARCH_TEMPLATE
                // a foreign table shares the relations' namespace: the timeline keys it as a table
                : c.accept("FOREIGN", "TABLE") ? ObjectKind.TABLE : null;
        if (multiWord != null) {
            return multiWord;
        }
        if (c.accept("LARGE", "OBJECT") || c.accept("TEXT", "SEARCH")) {
            return ObjectKind.OTHER;
        }
        SqlToken t = c.peek();
        if (t == null || t.kind() != SqlToken.Kind.WORD || t.dynamic()) {
            return null;
        }
        ObjectKind kind = switch (t.text().toUpperCase(Locale.ROOT)) {
            case "TABLE" -> ObjectKind.TABLE;
            case "INDEX" -> ObjectKind.INDEX;
            case "TYPE" -> ObjectKind.TYPE;
            case "DOMAIN" -> ObjectKind.DOMAIN;
            case "SEQUENCE" -> ObjectKind.SEQUENCE;
            case "SCHEMA" -> ObjectKind.SCHEMA;
            case "EXTENSION" -> ObjectKind.EXTENSION;
            case "VIEW" -> ObjectKind.VIEW;
            case "FUNCTION", "ROUTINE" -> ObjectKind.FUNCTION;
            case "PROCEDURE" -> ObjectKind.PROCEDURE;
            case "TRIGGER" -> ObjectKind.TRIGGER;
            case "POLICY" -> ObjectKind.POLICY;
            case "RULE" -> ObjectKind.RULE;
            case "ROLE", "USER", "GROUP" -> ObjectKind.ROLE;
            case "COLLATION" -> ObjectKind.COLLATION;
            case "AGGREGATE" -> ObjectKind.AGGREGATE;
            case "OPERATOR" -> ObjectKind.OPERATOR;
            case "STATISTICS" -> ObjectKind.STATISTICS;
            case "PUBLICATION" -> ObjectKind.PUBLICATION;
            case "SUBSCRIPTION" -> ObjectKind.SUBSCRIPTION;
            case "SERVER" -> ObjectKind.SERVER;
            case "LANGUAGE" -> ObjectKind.LANGUAGE;
            case "CAST" -> ObjectKind.CAST;
            case "CONVERSION" -> ObjectKind.CONVERSION;
            case "TRANSFORM" -> ObjectKind.TRANSFORM;
            case "DATABASE" -> ObjectKind.DATABASE;
            case "TABLESPACE" -> ObjectKind.OTHER;
            default -> null;
        };
        if (kind != null) {
            c.next();
        }
        return kind;
    }

    // ---- DROP ----------------------------------------------------------------------------------

    private List<Operation> drop() {
        if (c.at("OWNED")) {
            return benign("DROP OWNED");
        }
        ObjectKind kind = objectKind();
        if (kind == null) {
            return unknown();
        }
        c.accept("CONCURRENTLY");
        boolean ie = c.accept("IF", "EXISTS");
        if (kind == ObjectKind.TRIGGER || kind == ObjectKind.POLICY || kind == ObjectKind.RULE) {
            TokenCursor.Name name = c.name();
            String table = c.accept("ON") ? value(c.name()) : null;
            return name == null ? unknown() : one(new Operation.Drop(site(), kind, name.value(), table, ie));
        }
        List<Operation> ops = new ArrayList<>();
        if (kind != ObjectKind.OPERATOR && !c.at("FOR")) { // DROP USER MAPPING FOR role: no name
            while (true) {
                TokenCursor.Name name = c.name();
                if (name == null) {
                    break;
                }
                c.skipParens();
                // MySQL: DROP INDEX ix ON t names the index's table
                String table = kind == ObjectKind.INDEX && c.accept("ON") ? value(c.name()) : null;
                ops.add(new Operation.Drop(site(), kind, name.value(), table, ie));
                if (!c.acceptOp(",")) {
                    break;
                }
            }
        }
        if (ops.isEmpty()) {
            return NAMELESS.contains(kind) ? one(new Operation.Drop(site(), kind, null, null, ie)) : unknown();
        }
        if (c.accept("CASCADE")) {
            ops.replaceAll(o -> o instanceof Operation.Drop d
                    ? new Operation.Drop(d.site(), d.kind(), d.name(), d.table(), d.ifExists(), true) : o);
        }
        return ops;
    }

    // ---- DELETE / TRUNCATE --------------------------------------------------------------------

    /** {@code DELETE FROM [ONLY] t ...}: the table whose rows it removes (MySQL's multi-table forms name none). */
    private List<Operation> delete() {
        TokenCursor.Name table = null;
        if (c.accept("FROM")) {
            c.accept("ONLY");
            table = c.name();
        }
        Operation.KeyFilter removes = table == null ? null : keyFilter();
        return one(new Operation.Benign(site(), Operation.Benign.DELETE, value(table), null, List.of(), List.of(),
                removes));
    }

    /**
     * The rows a DELETE's whole WHERE picks when it is {@code c = 'v'} or {@code c IN ('v', ...)} with plain string
     * constants, then the end of the statement; null otherwise (another clause, operator, value or alias).
     */
    private Operation.KeyFilter keyFilter() {
        if (!c.accept("WHERE")) {
            return null;
        }
        SqlToken col = c.next();
        String column = col == null ? null : col.identifier();
        if (column == null || c.peek() != null && c.peek().isOp(".")) {
            return null;
        }
        Set<String> values = new HashSet<>();
        if (c.acceptOp("=")) {
            SqlToken v = c.next();
            if (v == null || !plainString(v)) {
                return null;
            }
            values.add(v.text());
        } else if (c.accept("IN") && c.acceptOp("(")) {
            do {
                SqlToken v = c.next();
                if (v == null || !plainString(v)) {
                    return null;
                }
                values.add(v.text());
            } while (c.acceptOp(","));
            if (!c.acceptOp(")")) {
                return null;
            }
        } else {
            return null;
        }
        c.acceptOp(";");
        return c.atEnd() ? new Operation.KeyFilter(column, values) : null;
    }

    /** A {@code '...'} string without backslashes, as written (no E'', U&'' or dynamic part). */
    private boolean plainString(SqlToken t) {
        return t.kind() == SqlToken.Kind.STRING && !t.dynamic() && t.closed() && sql.text().charAt(t.start()) == '\''
                && t.text().indexOf('\\') < 0;
    }

    /** {@code TRUNCATE [TABLE] [ONLY] a [*], b ...}: each table it empties. */
    private List<Operation> truncate() {
        c.accept("TABLE");
        List<Operation> ops = new ArrayList<>();
        while (true) {
            c.accept("ONLY");
            TokenCursor.Name table = c.name();
            if (table == null) {
                break;
            }
            ops.add(new Operation.Benign(site(), Operation.Benign.TRUNCATE, table.value(), null));
            c.acceptOp("*");
            if (!c.acceptOp(",")) {
                break;
            }
        }
        return ops.isEmpty() ? benign(Operation.Benign.TRUNCATE) : ops;
    }

    // ---- INSERT / WITH -------------------------------------------------------------------------

    /** {@code ignoresDuplicates}: MySQL's INSERT IGNORE or REPLACE, which a duplicate key does not fail. */
    private List<Operation> insert(boolean ignoresDuplicates) {
        int from = toks.get(0).start();
        int to = toks.get(toks.size() - 1).end();
        List<Boolean> runtime = valuesMadeAtRunTime(c.pos());
        List<Boolean> nulls = valuesAutoFilled(c.pos(), true);
        List<Boolean> nullsOrZeros = valuesAutoFilled(c.pos(), false);
        RowSource source = rowSource(c.pos());
        InsertReader.Shape shape = plainValues() ? null : InsertReader.read(sql.text().substring(from, to));
        if (shape != null) {
            return one(new Operation.Insert(site(), shape.table(), shape.onConflict() || ignoresDuplicates,
                    shape.guardedSelect(), false, shape.columns(), runtime, List.of(), source, Map.of(), nulls,
                    nullsOrZeros));
        }
        TokenCursor.Name table = c.name();
        if (table == null) {
            return unknown();
        }
        if (c.accept("AS")) {
            c.next();
        }
        SqlToken after = c.peek(1);
        List<String> columns = null;
        if (c.peek() != null && c.peek().isOp("(") && !(after != null && (after.is("SELECT") || after.is("WITH")))) {
            columns = columnList();
        }
        if (c.accept("OVERRIDING")) {
            c.next();
            c.next();
        }
        boolean select = c.at("SELECT") || c.at("WITH") || (c.peek() != null && c.peek().isOp("("));
        boolean onConflict = false;
        boolean guarded = false;
        int depth = 0;
        for (int p = c.pos(); p < toks.size(); p++) {
            SqlToken t = toks.get(p);
            SqlToken n = p + 1 < toks.size() ? toks.get(p + 1) : null;
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (n == null) {
                continue;
            }
            if (depth == 0 && t.is("ON") && (n.is("CONFLICT") || n.is("DUPLICATE"))) {
                onConflict = true;
            }
            // INSERT ... SELECT ... WHERE NOT EXISTS / NOT IN (SELECT ...) / EXCEPT SELECT inserts only what is missing.
            if (select && (t.is("NOT") && n.is("EXISTS") || t.is("EXCEPT")
                    || t.is("NOT") && n.is("IN") && p + 3 < toks.size() && toks.get(p + 3).is("SELECT"))) {
                guarded = true;
            }
        }
        return one(new Operation.Insert(site(), table.value(), onConflict || ignoresDuplicates, guarded, false,
                columns, runtime, List.of(), source, Map.of(), nulls, nullsOrZeros));
    }

    /** Clause words that end a FROM list at their parenthesis depth. */
    private static final Set<String> FROM_END = Set.of("WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT",
            "OFFSET", "FETCH", "UNION", "EXCEPT", "INTERSECT", "ON", "USING", "RETURNING", "FOR", "SELECT", "VALUES");

    /**
     * Where the INSERT's rows come from ({@link RowSource}): not read when the source is missing or dynamic
     * ({@code "INSERT INTO t (a, b) {}".format(rows_sql())}) or a query names a table not known statically; as
     * written for VALUES rows, a query that reads no table and a one-row aggregate query; a copy of one table
     * for a plain {@code SELECT ... FROM x}; otherwise a query over the tables its FROM and JOIN clauses name
     * (at any depth, WITH queries' names left out). {@code afterInto} is the token after {@code INSERT INTO}.
     */
    private RowSource rowSource(int afterInto) {
        int p = afterInto;
        SqlToken t = p < toks.size() ? toks.get(p) : null;
        if (t == null || !t.isNameLike()) {
            return RowSource.UNREAD;
        }
        p++;
        while (p + 1 < toks.size() && toks.get(p).isOp(".") && toks.get(p + 1).isNameLike()) {
            p += 2;
        }
        if (p < toks.size() && toks.get(p).is("AS")) {
            p += 2;
        }
        if (p < toks.size() && toks.get(p).isOp("(") && !(p + 1 < toks.size()
                && (toks.get(p + 1).is("SELECT") || toks.get(p + 1).is("WITH")))) {
            int depth = 0;
            do {
                depth += toks.get(p).isOp("(") ? 1 : toks.get(p).isOp(")") ? -1 : 0;
                p++;
            } while (p < toks.size() && depth > 0);
        }
        if (p < toks.size() && toks.get(p).is("OVERRIDING")) {
            p += 3;
        }
        SqlToken source = p < toks.size() ? toks.get(p) : null;
        if (source == null || source.dynamic()) {
            return RowSource.UNREAD;
        }
        if (!(source.is("SELECT") || source.is("WITH") || source.isOp("(")) && !toks.get(0).is("WITH")) {
            return RowSource.AS_WRITTEN; // VALUES rows: a value read from a table is a value, the rows are as written
        }
        if (source.is("SELECT") && oneAggregateRow(p + 1)) {
            return RowSource.AS_WRITTEN; // SELECT max(id) + 1, 'gold' FROM t: one row whatever t holds
        }
        List<String> tables = tablesRead();
        if (tables == null) {
            return RowSource.UNREAD;
        }
        if (tables.isEmpty()) {
            return RowSource.AS_WRITTEN;
        }
        return source.is("SELECT") && tables.size() == 1 && tables.get(0).equals(copiedTable(p + 1))
                ? new RowSource(RowSource.Kind.COPY, tables) : new RowSource(RowSource.Kind.QUERY, tables);
    }

    /** An unquoted, static word in upper case; null for anything else. */
    private static String keyword(SqlToken t) {
        return t.kind() == SqlToken.Kind.WORD && !t.dynamic() ? t.text().toUpperCase(Locale.ROOT) : null;
    }

    /** Whether {@code t} is an unquoted, static word among {@code words} (upper case). */
    private static boolean keywordIn(SqlToken t, Set<String> words) {
        String k = keyword(t);
        return k != null && words.contains(k);
    }

    /** Aggregate functions: a query of them with no GROUP BY returns exactly one row. */
    private static final Set<String> AGGREGATES = Set.of("MAX", "MIN", "COUNT", "SUM", "AVG");
    /** Clause words after which an aggregate query may return no row, or several. */
    private static final Set<String> NOT_ONE_ROW = Set.of("GROUP", "HAVING", "UNION", "EXCEPT", "INTERSECT", "LIMIT",
            "OFFSET", "FETCH", "DISTINCT", "WINDOW", "OVER");

    /**
     * Whether the query whose select list starts at token {@code from} returns exactly one row: an aggregate in
     * its select list, and no GROUP BY, HAVING, set operation, LIMIT, OFFSET, FETCH, DISTINCT or window at its
     * own level.
     */
    private boolean oneAggregateRow(int from) {
        if (SqlToken.topLevel(toks, from, t -> t.isOp(")") || keywordIn(t, NOT_ONE_ROW)) >= 0) {
            return false;
        }
        int listEnd = SqlToken.topLevel(toks, from, t -> t.is("FROM"));
        Predicate<SqlToken> aggregate = t -> keywordIn(t, AGGREGATES);
        for (int p = SqlToken.topLevel(toks, from, aggregate); p >= 0 && (listEnd < 0 || p < listEnd);
                p = SqlToken.topLevel(toks, p + 1, aggregate)) {
            if (p + 1 < toks.size() && toks.get(p + 1).isOp("(")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The tables a FROM or JOIN of the statement names (at any depth, WITH queries too; their last part, as
     * PostgreSQL folds it), without the names its WITH queries define; null when one is dynamic. One pass: a
     * FROM list is tracked per parenthesis depth, with the depth bounded by the token count.
     */
    private List<String> tablesRead() {
        BitSet fromList = new BitSet();
        Set<String> named = new LinkedHashSet<>();
        Set<String> withNames = new HashSet<>();
        int depth = 0;
        boolean ref = false;
        for (int p = 0; p < toks.size(); p++) {
            SqlToken t = toks.get(p);
            if (t.isOp("(")) {
                depth++;
                fromList.clear(depth);
                continue;
            }
            if (t.isOp(")")) {
                fromList.clear(depth);
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (t.isNameLike() && p + 2 < toks.size() && toks.get(p + 1).is("AS") && toks.get(p + 2).isOp("(")
                    && t.identifier() != null) {
                withNames.add(t.identifier()); // name AS (query): a WITH query, whose rows are its own query's
            }
            if (ref) {
                ref = false;
                if (t.is("ONLY") || t.is("LATERAL")) {
                    ref = true;
                    continue;
                }
                if (t.dynamic()) {
                    return null;
                }
                if (t.isNameLike()) {
                    String name = t.identifier();
                    while (p + 2 < toks.size() && toks.get(p + 1).isOp(".") && toks.get(p + 2).isNameLike()) {
                        name = toks.get(p + 2).identifier();
                        p += 2;
                    }
                    if (name == null) {
                        return null;
                    }
                    named.add(name);
                }
                continue;
            }
            String w = word(t);
            if (w.equals("FROM")) {
                fromList.set(depth);
                ref = true;
            } else if (w.equals("JOIN")) {
                ref = true;
            } else if (t.isOp(",") && fromList.get(depth)) {
                ref = true;
            } else if (FROM_END.contains(w)) {
                fromList.clear(depth);
            }
        }
        named.removeAll(withNames);
        return List.copyOf(named);
    }

    /**
     * The table whose every row the query whose select list starts at token {@code from} reads: at its own level,
     * a FROM of one table and nothing after it but an alias ({@code SELECT a, b FROM x [AS] y}); null otherwise.
     */
    private String copiedTable(int from) {
        int depth = 0;
        int p = from;
        for (; p < toks.size(); p++) {
            SqlToken t = toks.get(p);
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
            if (depth < 0) {
                return null;
            }
            if (depth == 0 && t.is("FROM")) {
                break;
            }
        }
        p++;
        if (p >= toks.size() || !toks.get(p).isNameLike() || !word(toks.get(p)).isEmpty()
                && FROM_END.contains(word(toks.get(p)))) {
            return null;
        }
        String table = toks.get(p).identifier();
        p++;
        while (p + 1 < toks.size() && toks.get(p).isOp(".") && toks.get(p + 1).isNameLike()) {
            table = toks.get(p + 1).identifier();
            p += 2;
        }
        if (p < toks.size() && toks.get(p).is("AS")) {
            p++;
        }
        if (p < toks.size() && toks.get(p).isNameLike() && (word(toks.get(p)).isEmpty()
                || !FROM_END.contains(word(toks.get(p))) && !COPY_ENDS.contains(word(toks.get(p))))) {
            p++;
        }
        return p == toks.size() || p == toks.size() - 1 && toks.get(p).isOp(";") ? table : null;
    }

    /** Words that after a FROM table begin a clause, not an alias. */
    private static final Set<String> COPY_ENDS = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL",
            "TABLESAMPLE");

    /** Words that cannot be a plain table or column name to both readers of an INSERT. */
    private static final Set<String> INSERT_CLAUSE_WORDS = Set.of("SELECT", "WITH", "VALUES", "DEFAULT", "ON", "AS",
            "OVERRIDING", "RETURNING", "SET", "TABLE", "INTO");

    /**
     * Whether the statement is {@code INSERT INTO name [(col, ...)] VALUES (literal, ...), ...}: plain
     * names and rows of constants, nothing else. JSqlParser's reading of such a statement (when it reads
     * it at all) is the token scan's: the same target and columns, no ON CONFLICT, no SELECT; the
     * JSqlParser pass was most of the cost of a revision of such INSERTs.
     */
    private boolean plainValues() {
        int p = 0;
        if (!toks.get(p++).is("INSERT") || !toks.get(p++).is("INTO") || !plainName(p)) {
            return false;
        }
        p++;
        while (p + 1 < toks.size() && toks.get(p).isOp(".") && plainName(p + 1)) {
            p += 2;
        }
        if (p < toks.size() && toks.get(p).isOp("(")) {
            do {
                if (!plainName(++p)) {
                    return false;
                }
            } while (++p < toks.size() && toks.get(p).isOp(","));
            if (p >= toks.size() || !toks.get(p++).isOp(")")) {
                return false;
            }
        }
        if (p >= toks.size() || !toks.get(p++).is("VALUES")) {
            return false;
        }
        do {
            if (p >= toks.size() || !toks.get(p).isOp("(")) {
                return false;
            }
            do {
                p++;
                if (p < toks.size() && toks.get(p).isOp("-")) {
                    p++;
                }
                if (p >= toks.size() || !constant(toks.get(p))) {
                    return false;
                }
            } while (++p < toks.size() && toks.get(p).isOp(","));
            if (p >= toks.size() || !toks.get(p++).isOp(")")) {
                return false;
            }
        } while (p < toks.size() && toks.get(p++).isOp(","));
        return p == toks.size();
    }

    /** An unqualified word or double-quoted identifier that is no INSERT clause word. */
    private boolean plainName(int p) {
        if (p >= toks.size()) {
            return false;
        }
        SqlToken t = toks.get(p);
        if (t.dynamic()) {
            return false;
        }
        if (t.kind() == SqlToken.Kind.QUOTED) {
            return sql.text().charAt(t.start()) == '"';
        }
        return t.kind() == SqlToken.Kind.WORD && !INSERT_CLAUSE_WORDS.contains(t.text().toUpperCase(Locale.ROOT));
    }

    /** A number, a plain {@code '...'} string without backslashes, NULL, TRUE or FALSE. */
    private boolean constant(SqlToken t) {
        if (t.dynamic()) {
            return false;
        }
        return switch (t.kind()) {
            case NUMBER -> true;
            case STRING -> sql.text().charAt(t.start()) == '\'' && t.text().indexOf('\\') < 0;
            case WORD -> t.is("NULL") || t.is("TRUE") || t.is("FALSE");
            default -> false;
        };
    }

    /**
     * Per value position of the INSERT's {@code VALUES} rows (or of its top-level {@code SELECT} list),
     * whether every row's value is made when the statement runs; null when the rows cannot be read.
     * {@code from} is the token after {@code INSERT INTO}.
     */
    private List<Boolean> valuesMadeAtRunTime(int from) {
        return perPosition(from, this::madeAtRunTime);
    }

    /**
     * Per value position of the INSERT's rows, as {@link #valuesMadeAtRunTime} reads them: true when every row's
     * value there is NULL or the number 0, the values MySQL and MariaDB replace with the next AUTO_INCREMENT value
     * in such a column (0 unless the session's sql_mode has NO_AUTO_VALUE_ON_ZERO); null when the rows cannot be
     * read. {@code nullOnly} asks for NULL alone.
     */
    private List<Boolean> valuesAutoFilled(int from, boolean nullOnly) {
        return perPosition(from, (a, b) -> b == a + 1 && !toks.get(a).dynamic() && (toks.get(a).is("NULL")
                || !nullOnly && toks.get(a).kind() == SqlToken.Kind.NUMBER && toks.get(a).text().matches("0+")));
    }

    /** Per value position, whether {@code test} holds of every row's value (a token range) there. */
    private List<Boolean> perPosition(int from, java.util.function.BiPredicate<Integer, Integer> test) {
        int p = SqlToken.topLevel(toks, from, t -> t.is("VALUES") || t.is("SELECT"));
        if (p < 0) {
            return null;
        }
        List<Boolean> out = null;
        if (toks.get(p).is("SELECT")) {
            List<int[]> items = split(p + 1, true);
            return items == null ? null : items.stream().map(r -> test.test(r[0], r[1])).toList();
        }
        p++;
        while (p < toks.size() && toks.get(p).isOp("(")) {
            int close = p + 1;
            int d = 1;
            for (; close < toks.size() && d > 0; close++) {
                d += toks.get(close).isOp("(") ? 1 : toks.get(close).isOp(")") ? -1 : 0;
            }
            if (d != 0) {
                return null;
            }
            List<int[]> values = split(p + 1, false);
            if (values == null || out != null && out.size() != values.size()) {
                return null;
            }
            List<Boolean> row = values.stream().map(r -> test.test(r[0], r[1])).toList();
            if (out == null) {
                out = new ArrayList<>(row);
            } else {
                for (int i = 0; i < row.size(); i++) {
                    out.set(i, out.get(i) && row.get(i));
                }
            }
            p = close;
            if (p < toks.size() && toks.get(p).isOp(",")) {
                p++;
            } else {
                break;
            }
        }
        return out == null ? null : List.copyOf(out);
    }

    private static final Set<String> SELECT_END = Set.of("FROM", "WHERE", "UNION", "EXCEPT", "INTERSECT", "ON",
            "RETURNING", "GROUP", "ORDER", "LIMIT", "HAVING", "WINDOW");

    /**
     * Token ranges {@code [start, end)} of the comma-separated items from {@code start}: up to the
     * closing parenthesis of a VALUES row, or to the end of a SELECT list.
     */
    private List<int[]> split(int start, boolean selectList) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int item = start;
        if (selectList && start < toks.size() && (toks.get(start).is("DISTINCT") || toks.get(start).is("ALL"))) {
            return null;
        }
        for (int p = start; p <= toks.size(); p++) {
            SqlToken t = p < toks.size() ? toks.get(p) : null;
            boolean end = t == null || depth == 0 && (selectList ? SELECT_END.contains(word(t)) || t.isOp(";")
                    : t.isOp(")"));
            if (end || depth == 0 && t.isOp(",")) {
                if (p == item) {
                    return null;
                }
                out.add(new int[] {item, p});
                item = p + 1;
                if (end) {
                    return t == null && !selectList ? null : out;
                }
                continue;
            }
            depth += t.isOp("(") ? 1 : t.isOp(")") ? -1 : 0;
        }
        return out;
    }

    private static String word(SqlToken t) {
        return t.kind() == SqlToken.Kind.WORD && !t.dynamic() ? t.text().toUpperCase(Locale.ROOT) : "";
    }

    /**
     * Functions that give a new value on each call or transaction, and aggregates that read the
     * table ({@code max(id) + 1}); a re-run gets a different value from them.
     */
    private static final Set<String> FRESH_FUNCTIONS = Set.of("NEXTVAL", "GEN_RANDOM_UUID", "UUID_GENERATE_V1",
            "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "NOW", "RANDOM", "CLOCK_TIMESTAMP", "STATEMENT_TIMESTAMP",
            "TRANSACTION_TIMESTAMP", "TIMEOFDAY", "MAX", "MIN", "COUNT", "SUM");
    /** SQL value functions written without parentheses, evaluated at the transaction's start. */
    private static final Set<String> FRESH_WORDS = Set.of("CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "CURRENT_TIME",
            "LOCALTIME", "DEFAULT");

    /** Whether the value in tokens {@code [from, to)} is made when the statement runs. */
    private boolean madeAtRunTime(int from, int to) {
        for (int p = from; p < to; p++) {
            SqlToken t = toks.get(p);
            SqlToken next = p + 1 < to ? toks.get(p + 1) : null;
            String w = word(t);
            if (w.equals("SELECT") || FRESH_WORDS.contains(w) || FRESH_FUNCTIONS.contains(w) && next != null
                    && next.isOp("(")) {
                return true;
            }
            // :name, a bind parameter the call gives a value made at run time
            if (t.isOp(":") && next != null && next.start() == t.end() && next.kind() == SqlToken.Kind.WORD
                    && (p == from || !toks.get(p - 1).isOp(":")) && sql.runtimeBind(next.text())) {
                return true;
            }
            if (placeholder(p) && sql.runtimeBind(SqlText.positionalBind(placeholdersBefore(p)))) {
                return true;
            }
            if (t.dynamic()) {
                for (int i = t.start(); i < t.end(); i++) {
                    if (sql.madeAtRunTime(i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** psycopg2's positional placeholder {@code %s} at token {@code p} ({@code %%} is a literal percent sign). */
    private boolean placeholder(int p) {
        SqlToken t = toks.get(p);
        SqlToken next = p + 1 < toks.size() ? toks.get(p + 1) : null;
        return t.isOp("%") && next != null && next.start() == t.end() && next.kind() == SqlToken.Kind.WORD
                && next.text().equals("s") && !(p > 0 && toks.get(p - 1).isOp("%") && toks.get(p - 1).end() == t.start());
    }

    /** How many positional placeholders come before token {@code p}: the value's index in the parameters. */
    private int placeholdersBefore(int p) {
        int n = 0;
        for (int q = 0; q < p; q++) {
            if (placeholder(q)) {
                n++;
            }
        }
        return n;
    }

    /** MySQL's {@code RENAME TABLE a TO b [, c TO d]}: one rename per pair. */
    private List<Operation> renameTables() {
        List<Operation> ops = new ArrayList<>();
        do {
            TokenCursor.Name from = c.name();
            if (from == null || !c.accept("TO")) {
                return unknown();
            }
            TokenCursor.Name to = c.name();
            ops.add(new Operation.Rename(site(), ObjectKind.TABLE, null, from.value(), value(to)));
        } while (c.acceptOp(","));
        return c.atEnd() ? ops : unknown();
    }

    /** Reads {@code (a, "B", c)} and moves past it; null when any entry is not a plain readable name. */
    private List<String> columnList() {
        return columnList(c);
    }

    /** Reads {@code (a, "B", c)} at {@code a} and moves past it; null when any entry is not a plain readable name. */
    private static List<String> columnList(TokenCursor a) {
        int start = a.pos();
        a.skipParens();
        List<String> out = new ArrayList<>();
        boolean expectName = true;
        for (int p = start + 1; p < a.pos() - 1; p++) {
            SqlToken t = a.tokens().get(p);
            if (expectName && t.identifier() != null) {
                out.add(t.identifier());
                expectName = false;
            } else if (!expectName && t.isOp(",")) {
                expectName = true;
            } else {
                return null;
            }
        }
        return out.isEmpty() || expectName ? null : List.copyOf(out);
    }

    private List<Operation> with() {
        int insert = c.find("INSERT");
        if (insert >= 0) {
            c.seek(insert + 1);
            return c.accept("INTO") ? insert(false) : unknown();
        }
        return benign("WITH");
    }

    // ---- DO ------------------------------------------------------------------------------------

    private List<Operation> doBlock() {
        String language = null;
        if (c.accept("LANGUAGE")) {
            language = c.next() == null ? null : toks.get(c.pos() - 1).text();
        }
        SqlToken body = c.next();
        if (body == null || body.kind() != SqlToken.Kind.DOLLAR && body.kind() != SqlToken.Kind.STRING) {
            return unknown();
        }
        if (c.accept("LANGUAGE")) {
            language = c.next() == null ? null : toks.get(c.pos() - 1).text();
        }
        if (!c.atEnd() || language != null && !language.equalsIgnoreCase("plpgsql")) {
            return unknown();
        }
        SqlText bodyText = sql;
        int from = body.contentStart();
        int to = body.contentEnd();
        if (body.kind() == SqlToken.Kind.STRING) {
            bodyText = LiteralDecoder.literalText(sql, body);
            from = 0;
            to = bodyText.text().length();
        }
        List<DoBlockReader.Inner> inner = DoBlockReader.read(bodyText, from, to);
        if (inner == null) {
            return unknown();
        }
        List<Operation> ops = new ArrayList<>();
        for (DoBlockReader.Inner st : inner) {
            Guard g = SqlClassifier.combine(guard, st.guard());
            if (st.tokens() == null) {
                ops.addAll(SqlClassifier.classifyText(base, st.sql(), 0, st.sql().text().length(), g));
            } else {
                ops.addAll(classify(base, st.sql(), st.tokens(), g));
            }
        }
        return ops.isEmpty() ? benign("DO") : ops;
    }
}
