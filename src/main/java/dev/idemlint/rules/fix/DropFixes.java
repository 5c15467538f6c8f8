package dev.idemlint.rules.fix;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.schema.Effect;
import dev.idemlint.schema.OpEffects;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The fixes of a drop the re-run finds gone or held: {@code IF EXISTS} where the statement has it ({@code
 * if_exists=True}, {@code checkfirst=True}, the SQL's own), an inspector guard, the drop written as the statement
 * Alembic emits, and the drops that clear what holds it; and the guard of a read of what the revision drops later.
 */
public final class DropFixes {
    private DropFixes() {
    }

    /**
     * {@code .drop(bind)}: {@code checkfirst=True}. Raw SQL: {@code IF EXISTS} after the object noun
     * (or after {@code DROP [COLUMN]}/{@code DROP CONSTRAINT} in an ALTER TABLE). Op calls:
     * {@code if_exists=True} where Alembic has it, else an inspector guard. A constraint's drop the re-run
     * meets on a view ({@code onView}): the op call asks pg_constraint ({@link #constraintLookup}) or the
     * inspector; raw SQL gets no fix.
     */
    public static List<Fix> fixes(Operation.Drop d, SourceFile file, Settings settings, NamingConvention naming,
            boolean onView) {
        OpSite site = d.site();
        List<Fix> out = new ArrayList<>();
        if (site.origin() == Origin.SQLALCHEMY_DDL) {
            out.add(CallRewriter.passTrueFix(file, site, "checkfirst"));
        } else if (site.origin() == Origin.RAW_SQL) {
            SqlRewriter r = SqlRewriter.of(site, file);
            if (r == null || onView) {
                return out; // on a view `IF EXISTS` fails all the same (42809)
            }
            int at;
            if (d.kind() == ObjectKind.COLUMN && d.table() != null && r.at(0, "ALTER")) {
                at = r.alterTableAction("DROP", "COLUMN", false, d.name());
            } else if (d.kind() == ObjectKind.CONSTRAINT && d.table() != null && r.at(0, "ALTER")) {
                at = r.alterTableAction("DROP", "CONSTRAINT", true, d.name());
            } else {
                at = r.afterDropNoun();
            }
            if (at >= 0) {
                out.add(r.insertAfter(at, r.cased("IF EXISTS"), "Add `IF EXISTS`"));
            }
        } else if (site.origin() == Origin.DDL_ELEMENT) {
            return out; // op.execute(DropSequence(...)) takes no keyword of the drop's, and no guard is offered
        } else if (site.call() != null && onView) {
            // `if_exists=True` and `DROP CONSTRAINT IF EXISTS` fail alike on the view the re-run meets
            out.add(constraintLookup(d, file));
            out.add(guard(d, file, List.of(), naming));
        } else if (site.call() != null) {
            Fix keyword = !d.ifExists() && kwargSupported(d.kind(), settings)
                    ? CallRewriter.passTrueFix(file, site, "if_exists") : null;
            List<Fix> alternatives = new ArrayList<>();
            CallRewriter.addKeywordFix(alternatives, keyword, guard(d, file, List.of(), naming), settings);
            Fix tolerant = ifExistsStatement(d, file);
            if (tolerant != null) {
                // before the inspector guard: the database checks the very name the drop names, where the
                // guard relies on the inspector listing the object under that name and kind
                int guardAt = alternatives.indexOf(guard(d, file, List.of()));
                alternatives.add(guardAt < 0 ? alternatives.size() : guardAt, tolerant);
            }
            out.addAll(alternatives);
        }
        Fix.dropMissing(out);
        return out;
    }

    /**
     * The drop written as the statement Alembic emits plus {@code IF EXISTS}, through {@code op.execute}:
     * {@code ALTER TABLE "t" DROP CONSTRAINT IF EXISTS "n"}, {@code ... DROP COLUMN IF EXISTS "c"},
     * {@code DROP TABLE IF EXISTS "t"}, {@code DROP INDEX IF EXISTS "ix"}. Names are double-quoted, which
     * is the exact-case name Alembic sends. UNSAFE: the call becomes PostgreSQL SQL (a SQLite test run of
     * the migrations would not take it). Only for a plain op call (not a batch, whose ops run when the
     * block ends) with literal names, on the default schema, and no other arguments that change the DDL.
     */
    public static Fix ifExistsStatement(Operation.Drop d, SourceFile file) {
        return ifExistsStatement(d, file, false);
    }

    /**
     * As {@link #ifExistsStatement(Operation.Drop, SourceFile)}; with {@code tableIfExists} a column's or
     * constraint's drop is written {@code ALTER TABLE IF EXISTS}, which skips it while the table is missing too.
     */
    public static Fix ifExistsStatement(Operation.Drop d, SourceFile file, boolean tableIfExists) {
        OpSite site = d.site();
        Expr.Call call = site.call();
        if (site.origin() != Origin.OP_CALL || call == null || !(call.func() instanceof Expr.Attribute a)
                || !(a.value() instanceof Expr.Name opName) || d.name() == null || !plainName(d.name())
                || call.keyword("schema") != null) {
            return null;
        }
        for (Arg arg : call.args()) {
            if (arg.star() != 0 || arg.keyword() != null && !List.of("table_name", "type_", "column_name",
                    "constraint_name", "index_name", "if_exists").contains(arg.keyword())) {
                return null;
            }
        }
        String table = d.table() != null && plainName(d.table()) ? "\"" + d.table() + "\"" : null;
        String alter = tableIfExists ? "ALTER TABLE IF EXISTS " : "ALTER TABLE ";
        String sql;
        switch (d.kind()) {
            case CONSTRAINT:
                sql = table == null ? null : alter + table + " DROP CONSTRAINT IF EXISTS \"" + d.name() + "\"";
                break;
            case COLUMN:
                sql = table == null ? null : alter + table + " DROP COLUMN IF EXISTS \"" + d.name() + "\"";
                break;
            case TABLE:
                sql = "DROP TABLE IF EXISTS \"" + d.name() + "\"";
                break;
            case INDEX:
                sql = "DROP INDEX IF EXISTS \"" + d.name() + "\"";
                break;
            default:
                sql = null;
        }
        if (sql == null) {
            return null;
        }
        return Fix.of("Write `" + sql.replace("\"", "") + "` through `op.execute`", Applicability.UNSAFE,
                List.of(TextEdit.replace(file.path(), call.span(), opName.id() + ".execute('" + sql + "')")));
    }

    /**
     * The index's drop that the re-run meets owned by the constraint this revision makes under its name, written
     * as the constraint's drop then the index's, both {@code IF EXISTS}, through {@code op.execute}: {@code ALTER
     * TABLE "t" DROP CONSTRAINT IF EXISTS "n"; DROP INDEX IF EXISTS "n"}. The first run met a plain index (it
     * dropped it, so no constraint owned it, and making the constraint found the name free), so the constraint's
     * drop skips and the index goes as before; the re-run drops the constraint, which takes its index
     * (PostgreSQL), skips the index's drop, and makes the constraint again: the schema left is the first run's.
     * None where a foreign key this revision makes may rest on the constraint (then its drop fails 2BP01), where
     * a statement's effects are not all known ({@link Effect.Forget}), or off a plain op call with literal names
     * ({@link #ifExistsStatement}). UNSAFE, as that statement is.
     */
    public static List<Fix> constraintFirst(Operation.Drop d, RerunFailure fails, SourceFile file, List<Operation> upgrade) {
        if (d.kind() != ObjectKind.INDEX || fails.state() != PostgresFacts.dropIndexOfConstraint()
                || ifExistsStatement(d, file) == null || d.table() == null || !plainName(d.table())) {
            return List.of();
        }
        for (Operation o : upgrade) {
            OpEffects effects = OpEffects.of(o);
            if (effects.opaque() || effects.creates().stream().anyMatch(c -> c.object().kind() == ObjectKind.CONSTRAINT
                    && c.shape().constraintKind() != ConstraintKind.UNIQUE
                    && c.shape().constraintKind() != ConstraintKind.PRIMARY_KEY
                    && c.shape().constraintKind() != ConstraintKind.CHECK)) {
                return List.of();
            }
        }
        Expr.Call call = d.site().call();
        String opName = ((Expr.Name) ((Expr.Attribute) call.func()).value()).id();
        String sql = "ALTER TABLE \"" + d.table() + "\" DROP CONSTRAINT IF EXISTS \"" + d.name() + "\"; DROP INDEX IF EXISTS \""
                + d.name() + "\"";
        return List.of(Fix.of("Drop the constraint `" + d.name() + "` first when it exists, then the index, through"
                + " `op.execute`", Applicability.UNSAFE,
                List.of(TextEdit.replace(file.path(), call.span(), opName + ".execute('" + sql + "')"))));
    }

    /**
     * The table's drop that the re-run meets held by a foreign key of a table this revision makes later, written
     * with that table's drop first, through {@code op.execute}: {@code DROP TABLE IF EXISTS "dependent"; DROP TABLE
     * "t"}. The first run met no such table there (its drop of {@code t} passed), so it skips it and drops {@code
     * t} as before; the re-run drops the dependent table, then {@code t}, and the revision makes both again: the
     * schema left is the first run's. UNSAFE: the re-run loses the dependent table's rows, as it loses {@code t}'s.
     * None unless a plain statement of {@code upgrade} after the drop makes the dependent table, every other
     * foreign key to {@code t} the revision makes is on {@code t} or on a table it drops before, nothing in the
     * revision makes a view, trigger or other object that may rest on it or a foreign key to it from another
     * table (its drop would fail 2BP01 in turn), and every statement's effects are known ({@link Effect.Forget}; the
     * keys a plain create_table makes under names not known are, but for a foreign key declared apart).
     */
    public static List<Fix> dependentFirst(Operation.Drop d, RerunVerdicts verdicts, int at, SourceFile file,
            List<Operation> upgrade) {
        RerunFailure fails = verdicts.failure(d);
        String dependent = fails.dependent();
        if (d.kind() != ObjectKind.TABLE || fails.state() != PostgresFacts.dropWithDependents()
                || dependent == null || !plainName(dependent) || ifExistsStatement(d, file) == null) {
            return List.of();
        }
        // the tables whose foreign keys to t the re-run has taken away before it reaches the drop: t itself, the
        // dependent table, and the tables the revision drops, unguarded, before it
        Set<String> cleared = new HashSet<>(List.of(d.name().toLowerCase(Locale.ROOT),
                dependent.toLowerCase(Locale.ROOT)));
        for (int i = 0; i < at; i++) {
            if (upgrade.get(i) instanceof Operation.Drop t && t.kind() == ObjectKind.TABLE && t.name() != null
                    && runs(t, verdicts)) {
                cleared.add(t.name().toLowerCase(Locale.ROOT));
            }
        }
        boolean remade = false;
        for (int i = 0; i < upgrade.size(); i++) {
            Operation o = upgrade.get(i);
            remade |= i > at && o instanceof Operation.CreateTable t && dependent.equals(t.table())
                    && runs(o, verdicts) && o.site().call() != null
                    && o.site().call().keyword("schema") == null;
            // a table's keys made under names not known (its primary key, unique keys, indexes) leave its keys
            // unknown, but a foreign key of its columns is followed as the column's reference; one declared
            // apart (ForeignKeyConstraint) may not be
            boolean keysOnly = o instanceof Operation.CreateTable t && t.constraints().stream()
                    .noneMatch(k -> k.kind() == ConstraintKind.FOREIGN_KEY || k.kind() == ConstraintKind.UNKNOWN);
            OpEffects effects = OpEffects.of(o);
            if (effects.forgets().stream().anyMatch(f -> !(keysOnly && f.scope() == Effect.Forget.Scope.TABLE_KEYS
                    && f.reach() == Effect.Forget.Reach.MAKES))
                    || effects.creates().stream().anyMatch(c -> !EnumSet.of(ObjectKind.TABLE,
                    ObjectKind.COLUMN, ObjectKind.INDEX, ObjectKind.CONSTRAINT, ObjectKind.SEQUENCE).contains(c.object().kind())
                    || c.shape().references() != null && dependent.equalsIgnoreCase(c.shape().references().name())
                            && !(c.object().table() != null
                                    && dependent.equalsIgnoreCase(c.object().table().name()))
                    || c.shape().references() != null
                            && d.name().equalsIgnoreCase(c.shape().references().name())
                            && (c.object().table() == null
                                    || !cleared.contains(c.object().table().name().toLowerCase(Locale.ROOT))))) {
                return List.of();
            }
        }
        if (!remade) {
            return List.of();
        }
        Expr.Call call = d.site().call();
        String opName = ((Expr.Name) ((Expr.Attribute) call.func()).value()).id();
        String sql = "DROP TABLE IF EXISTS \"" + dependent + "\"; DROP TABLE \"" + d.name() + "\"";
        return List.of(Fix.of("Drop table `" + dependent + "`, which this revision makes again, first when it exists,"
                + " through `op.execute`", Applicability.UNSAFE,
                List.of(TextEdit.replace(file.path(), call.span(), opName + ".execute('" + sql + "')"))));
    }

    /**
     * Whether {@code o} runs whenever its revision does: nothing conditional around it, and no guard, or a statement
     * the re-run check settled ({@link RerunVerdicts#settled}), which it decides only under a guard that keeps
     * nothing from running.
     */
    private static boolean runs(Operation o, RerunVerdicts verdicts) {
        return !o.site().conditional() && (o.site().guard() == null || verdicts.settled(o));
    }

    /**
     * The constraint's drop run only while its table has a constraint of that name, asked of the catalog in a
     * DO block: {@code IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'n' AND conrelid =
     * to_regclass('"t"')) THEN ALTER TABLE "t" DROP CONSTRAINT "n"}. Where a view now holds the table's name,
     * {@code ALTER TABLE "t" DROP CONSTRAINT IF EXISTS "n"} fails (42809 wrong_object_type: IF EXISTS covers
     * the constraint, not the relation's kind), and without {@code type_} no inspector method lists the
     * constraint; a view has no row in pg_constraint, so the lookup skips it. On a table the block drops
     * exactly what the drop did, so the final schema is the same. Names as {@link #ifExistsStatement} takes
     * them, without {@code $}, {@code :} or {@code %} (the dollar quote, SQLAlchemy's bind parameters).
     */
    public static Fix constraintLookup(Operation.Drop d, SourceFile file) {
        Fix plain = ifExistsStatement(d, file);
        if (plain == null || d.table() == null || d.table().indexOf('.') >= 0
                || (d.name() + d.table()).chars().anyMatch(ch -> ch == '$' || ch == ':' || ch == '%')) {
            return null;
        }
        Expr.Call call = d.site().call();
        String opName = ((Expr.Name) ((Expr.Attribute) call.func()).value()).id();
        String table = "\"" + d.table() + "\"";
        String sql = "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '" + d.name()
                + "' AND conrelid = to_regclass('" + table + "')) THEN ALTER TABLE " + table + " DROP CONSTRAINT \""
                + d.name() + "\"; END IF; END $$";
        return Fix.of("Drop it through `op.execute` only while pg_constraint lists it on table " + d.table(),
                Applicability.UNSAFE, List.of(TextEdit.replace(file.path(), call.span(),
                        opName + ".execute('''" + sql + "''')")));
    }

    /**
     * A name that fits in a single-quoted Python string and a double-quoted SQL identifier as it is: no
     * quote, backslash or control character, and no unpaired surrogate (no encoding can write one).
     */
    private static boolean plainName(String name) {
        return !name.isEmpty() && name.chars().noneMatch(ch -> ch == '"' || ch == '\'' || ch == '\\'
                || Character.isISOControl(ch)) && !unpairedSurrogate(name);
    }

    private static boolean unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The inspector guard for an op-call drop (run only while the object exists), with {@code inner} edits. */
    public static Fix guard(Operation.Drop d, SourceFile file, List<TextEdit> inner) {
        return guard(d, file, inner, null);
    }

    /**
     * As {@link #guard(Operation.Drop, SourceFile, List)}; a constraint's guard checks the name {@code naming}'s
     * convention gives it (null: the name written).
     */
    public static Fix guard(Operation.Drop d, SourceFile file, List<TextEdit> inner,
            NamingConvention naming) {
        OpSite site = d.site();
        Expr.Call call = site.call();
        String schema = GuardWrapper.schemaArg(file, call);
        switch (d.kind()) {
            case TABLE: {
                String t = CallRewriter.expression(file, CallRewriter.argument(call, 0, "table_name"), d.name());
                return GuardWrapper.wrap(file, site, GuardWrapper.hasTable(t, schema, true),
                        GuardWrapper.title("has_table"), inner);
            }
            case COLUMN:
                return GuardWrapper.wrap(file, site, InspectorGuards.columnGuard(file, d, true),
                        GuardWrapper.title("get_columns"), inner);
            case INDEX:
                return GuardWrapper.wrap(file, site,
                        InspectorGuards.indexGuard(file, site, d.name(), d.table(), true),
                        GuardWrapper.title("get_indexes"), inner);
            case CONSTRAINT: {
                ConstraintKind kind = constraintType(call);
                if (kind == null) {
                    return null;
                }
                String method = InspectorGuards.checkMethod(kind);
                ConstraintNames.Name real = naming == null ? null
                        : ConstraintNames.ofDrop(d, naming);
                if (real != null && !(real instanceof ConstraintNames.Name.Given)
                        && !naming.isUnknown()) {
                    return null; // the convention renames it, to a name that cannot be known here
                }
                String stored = real instanceof ConstraintNames.Name.Given g ? g.name() : null;
                return GuardWrapper.wrap(file, site, InspectorGuards.constraintGuard(file, site, kind,
                        d.name(), d.table(), true, stored), GuardWrapper.title(method), inner);
            }
            default:
                return null;
        }
    }

    /** The kind named by drop_constraint's literal {@code type_=}; null when absent or unknown. */
    private static ConstraintKind constraintType(Expr.Call call) {
        Expr t = CallRewriter.argument(call, 2, "type_");
        if (!(t instanceof Expr.Str s) || !s.isConstant()) {
            return null;
        }
        return ConstraintKind.ofAlembicType(s.constantText());
    }

    public static boolean kwargSupported(ObjectKind kind, Settings settings) {
        return switch (kind) {
            case INDEX -> settings.indexIfExistsSupported();
            case TABLE -> settings.tableIfExistsSupported();
            case COLUMN -> settings.columnIfExistsSupported();
            case CONSTRAINT -> settings.constraintIfExistsSupported();
            default -> true;
        };
    }

    /**
     * The read under an inspector guard that runs it only while what it fails on exists: {@code table} when it
     * opens that dropped table (PostgreSQL fails there first), else {@code d}'s column. The first run finds it
     * there (the revision drops it later) and runs the read as before; the re-run finds it gone and skips the
     * read instead of failing. A data statement changes no schema, so the final schema is the unguarded
     * revision's. For {@code op.execute(...)}, whose result nothing reads, the read alone is guarded (display-only
     * where the call is not a statement of its own in upgrade(), {@link GuardWrapper}); for another
     * {@code execute(...)} the read together with the plain statements after it that use its result
     * ({@link ReadBlockWrapper}), where that is certain. Only on the default schema; null otherwise.
     */
    public static Fix readGuard(SourceFile file, Operation read, Operation.Drop d, String table,
            List<Operation> upgrade) {
        Expr.Call call = read.site().call();
        Expr.Call drop = d.site().call();
        if (call == null || !(call.func() instanceof Expr.Attribute a) || !a.attr().equals("execute")
                || drop != null && drop.keyword("schema") != null) {
            return null;
        }
        String condition;
        String title;
        if (table != null) {
            condition = plainName(table) && table.indexOf('.') < 0
                    ? GuardWrapper.hasTable(CallRewriter.quote(table), "", true) : null;
            title = GuardWrapper.title("has_table");
        } else {
            condition = plainName(d.name()) && plainName(d.table()) && d.table().indexOf('.') < 0
                    ? GuardWrapper.named(CallRewriter.quote(d.name()), "get_columns", CallRewriter.quote(d.table()), "",
                            true) : null;
            title = GuardWrapper.title("get_columns");
        }
        if (condition == null) {
            return null;
        }
        return a.value() instanceof Expr.Name n && n.id().equals("op")
                ? GuardWrapper.wrap(file, read.site(), condition, title, List.of())
                : ReadBlockWrapper.wrap(file, read, upgrade, condition, title);
    }

    /**
     * Why the read of what {@code d} drops gets no applied fix, for its help; empty when its guard ({@link
     * #readGuard}) is applied.
     */
    public static String noReadFix(Operation read, Fix guard, Operation.Drop d, String table) {
        Expr.Call call = read.site().call();
        boolean opExecute = call != null && call.func() instanceof Expr.Attribute a && a.attr().equals("execute")
                && a.value() instanceof Expr.Name n && n.id().equals("op");
        if (guard == null && !opExecute && plainGuard(d, table)) {
            return " No fix is applied: " + (read instanceof Operation.Benign b && !b.names().isEmpty()
                    ? Operation.Benign.ORM_QUERY.equals(b.what()) ? "this ORM query's rows are"
                            : "this SQLAlchemy Core read's rows are"
                    : "this read's result is")
                    + " used by code a guard cannot take along (a block, a loop, a helper, an operation in"
                    + " between), and skipping the read alone would change what that code sees.";
        }
        if (guard == null) {
            return " No fix is applied: the guard needs plain names on the default schema.";
        }
        return guard.applicability() == Applicability.DISPLAY_ONLY ? " The guard is not applied: the read is not a"
                + " statement of upgrade() itself (a helper's, a nested block's), where skipping it alone is certain."
                : "";
    }

    /** Whether the read's guard can be written: plain names of {@code d} (or {@code table}) on the default schema. */
    public static boolean plainGuard(Operation.Drop d, String table) {
        Expr.Call drop = d.site().call();
        return !(drop != null && drop.keyword("schema") != null) && (table != null
                ? plainName(table) && table.indexOf('.') < 0
                : plainName(d.name()) && plainName(d.table()) && d.table().indexOf('.') < 0);
    }

    /**
     * The inspector's condition that the dropped column or constraint is there (asked after its table's,
     * {@link GoneTable}); null for other kinds, and for a constraint whose kind or stored name is not known.
     */
    public static String objectCondition(Operation.Drop d, SourceFile file, NamingConvention naming) {
        OpSite site = d.site();
        if (site.call() == null || !site.origin().alembicOp()) {
            return null;
        }
        if (d.kind() == ObjectKind.COLUMN) {
            return InspectorGuards.columnGuard(file, d, true);
        }
        ConstraintKind kind = d.kind() == ObjectKind.CONSTRAINT ? constraintType(site.call()) : null;
        if (kind == null) {
            return null;
        }
        ConstraintNames.Name real = ConstraintNames.ofDrop(d, naming);
        if (!(real instanceof ConstraintNames.Name.Given g)) {
            return null;
        }
        return InspectorGuards.constraintGuard(file, site, kind, d.name(), d.table(), true, g.name());
    }
}
