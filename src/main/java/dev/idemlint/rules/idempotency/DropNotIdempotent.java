package dev.idemlint.rules.idempotency;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.Phase;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.RerunFailure;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.SqlState;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.rules.fix.ReadBlockWrapper;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.schema.CommittedRerun;
import dev.idemlint.schema.Conflict;
import dev.idemlint.schema.Effect;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.OpEffects;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.RerunAnswers;
import dev.idemlint.schema.RerunSimulation;
import dev.idemlint.schema.SchemaState;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Flags drops in upgrade() without IF EXISTS: the re-run finds the object gone. */
public final class DropNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        Set<Operation> readsReported = Collections.newSetFromMap(new IdentityHashMap<>());
        // each reported read and whether its guard fix rewrites it (then the drops it reads get their fixes too)
        Map<Operation, Boolean> readsGuarded = new IdentityHashMap<>();
        CommittedRerun rerun = ctx.rerun(m);
        Reads reads = ctx.facts().commitsEachStatement() ? null : Reads.of(m.upgrade(), rerun, ctx.rerunAnswers(m));
        Map<Operation, Conflict> refused = ctx.facts().commitsEachStatement() ? Map.of()
                : refusedOnRerun(m.upgrade(), ctx.rerunAnswers(m));
        int at = -1;
        for (Operation op : m.upgrade()) {
            at++;
            // a guarded drop still dropped on the first run: an earlier read of its object fails all the same
            Operation read = op instanceof Operation.Drop g && g.name() != null && reads != null
                    ? postgresReadBefore(m, ctx, g, at, rerun, reads, readsReported, readsGuarded) : null;
            boolean readGuarded = read != null && readsGuarded.getOrDefault(read, false);
            if (!(op instanceof Operation.Drop d) || GuardMatch.dropGuarded(m, op) || d.name() == null) {
                continue;
            }
            boolean kwarg = d.site().origin() == Origin.OP_CALL || d.site().origin() == Origin.BATCH_OP;
            // `if_exists=True` on an Alembic without it fails the first run: unsupported-alembic-kwarg reports it
            boolean firstRunFails = d.ifExists() && kwarg && !kwargSupported(d.kind(), ctx) && d.kind() == ObjectKind.CONSTRAINT;
            if (!firstRunFails && GoneTable.reported(m, ctx, op, objectCondition(d, m.source(), ctx),
                    ifExistsStatement(d, m.source(), true))) {
                continue;
            }
            RerunFailure fails = ctx.verdicts(m).failure(d);
            if (fails != null && !ctx.facts().commitsEachStatement()) {
                // the object is there on the re-run, but another one made by this revision depends on it
                ctx.report(m.source(), op.site(), "Re-running this revision fails with "
                        + RerunScenario.failure(fails.state(), op.site()) + " because "
                        + RerunScenario.describe(d.kind(), d.name(), d.table()) + " " + fails.reason()
                        + RerunScenario.end(op.site()))
                        .help(RerunScenario.why(op.site(), fails.state()) + "`IF EXISTS` does not help: the object is there."
                                + (d.kind() == ObjectKind.INDEX
                                        ? " Drop the constraint first when it exists (`ALTER TABLE ... DROP CONSTRAINT"
                                                + " IF EXISTS`), which takes its index with it."
                                        : " Drop what references it first (or write `DROP ... CASCADE`, which drops the"
                                                + " referencing foreign keys), so that a re-run meets nothing that"
                                                + " depends on it."))
                        .fixes(d.kind() == ObjectKind.INDEX ? constraintFirst(d, fails, m.source(), m.upgrade())
                                : dependentFirst(d, ctx.verdicts(m), at, m.source(), m.upgrade()))
                        .emit();
                continue;
            }
            // the state the re-run meets refuses the drop before it looks the constraint up: a view holds the
            // name, and IF EXISTS (or `if_exists=True`) does not skip that
            Conflict refusal = refused.get(op);
            boolean onView = refusal != null;
            if (d.ifExists() && !onView && (!kwarg || kwargSupported(d.kind(), ctx))) {
                continue;
            }
            if (d.ifExists() && kwarg && !kwargSupported(d.kind(), ctx) && d.kind() == ObjectKind.CONSTRAINT) {
                continue; // TypeError on older Alembic: unsupported-alembic-kwarg reports it.
            }
            if (d.ifExists() && kwarg && ctx.settings().dialect().kind() == Dialect.Kind.MYSQL
                    && kwargSupported(d.kind(), ctx.settings().withDialect(Dialect.POSTGRESQL))) {
                continue; // a syntax error on MySQL 8.0's first run: unsupported-alembic-kwarg reports it.
            }
            String what = RerunScenario.describe(d.kind(), d.name(), d.table());
            String ignored = d.ifExists() && !onView ? " (`if_exists=True` is ignored)" : "";
            String why = d.ifExists() && !onView ? "Alembic " + ctx.settings().alembic() + " ignores `if_exists=True` here. "
                    : "";
            boolean mysql = ctx.facts().commitsEachStatement();
            if (mysql && d.kind() == ObjectKind.COLUMN && d.table() != null) {
                reportEarlierRead(m, ctx, d, at, rerun, readsReported);
            }
            List<Fix> fixes = read != null && !readGuarded ? List.of() : fixes(d, m.source(), ctx, onView);
            List<Fix> offered = mysql ? DialectFixes.portable(fixes, ctx.facts(), d.kind()) : fixes;
            ServerFacts.Raised missing = onView ? ServerFacts.Raised.of(refusal.sqlState())
                    : ctx.facts().dropMissing(d.kind());
            ctx.report(m.source(), op.site(), "Re-running this revision fails with "
                    + ctx.facts().failure(missing, op.site())
                    + " because " + (onView ? "\"" + d.table() + "\" is a view by then (this revision makes it), not a table"
                            : what + " is already gone" + ignored) + RerunScenario.end(op.site()))
                    .help(ctx.facts().rerunWhy(op.site(), missing)
                            + why
                            + (mysql ? mysqlHelp(d, ctx) + (offered.isEmpty() ? DialectFixes.noFix(ctx.facts()) : "")
                                    : (onView ? VIEW_HELP : help(d, kwarg, ctx))
                                            + (read == null || readGuarded ? "" : READ_FIRST)))
                    .fixes(offered).emit();
        }
    }

    /**
     * {@code .drop(bind)}: {@code checkfirst=True}. Raw SQL: {@code IF EXISTS} after the object noun
     * (or after {@code DROP [COLUMN]}/{@code DROP CONSTRAINT} in an ALTER TABLE). Op calls:
     * {@code if_exists=True} where Alembic has it, else an inspector guard. A constraint's drop the re-run
     * meets on a view ({@code onView}): the op call asks pg_constraint ({@link #constraintLookup}) or the
     * inspector; raw SQL gets no fix.
     */
    static List<Fix> fixes(Operation.Drop d, SourceFile file, RuleContext ctx, boolean onView) {
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
            out.add(guard(d, file, List.of(), ctx.naming()));
        } else if (site.call() != null) {
            Fix keyword = !d.ifExists() && kwargSupported(d.kind(), ctx)
                    ? CallRewriter.passTrueFix(file, site, "if_exists") : null;
            List<Fix> alternatives = new ArrayList<>();
            CallRewriter.addKeywordFix(alternatives, keyword, guard(d, file, List.of(), ctx.naming()), ctx.settings());
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
    static Fix ifExistsStatement(Operation.Drop d, SourceFile file, boolean tableIfExists) {
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
    static List<Fix> constraintFirst(Operation.Drop d, RerunFailure fails, SourceFile file, List<Operation> upgrade) {
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
    static List<Fix> dependentFirst(Operation.Drop d, RerunVerdicts verdicts, int at, SourceFile file,
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
     * The drops the re-run simulation finds refused before their object is looked up: a constraint's drop on a
     * relation that the state the first run left holds, certainly, as a view ({@link SchemaState#dropRefused},
     * 42809 with or without {@code IF EXISTS}; the revision renamed the table away and made a view under its
     * name). {@code plan} asks the same state on a live catalog. A view made under a condition, or code that may
     * touch the name, leaves the relation's kind unknown there, and nothing is claimed.
     */
    private static Map<Operation, Conflict> refusedOnRerun(List<Operation> upgrade, RerunAnswers answers) {
        Map<Operation, Conflict> out = new IdentityHashMap<>();
        if (upgrade.stream().noneMatch(o -> o instanceof Operation.Drop d && d.kind() == ObjectKind.CONSTRAINT)) {
            return out;
        }
        for (RerunSimulation.Failure f : answers.conflicts()) {
            if (f.op() instanceof Operation.Drop && f.conflict().about() == Conflict.About.NOT_A_TABLE) {
                out.put(f.op(), f.conflict());
            }
        }
        return out;
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
    static Fix constraintLookup(Operation.Drop d, SourceFile file) {
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

    /**
     * The inspector's condition that the dropped column or constraint is there (asked after its table's,
     * {@link GoneTable}); null for other kinds, and for a constraint whose kind or stored name is not known.
     */
    private static String objectCondition(Operation.Drop d, SourceFile file, RuleContext ctx) {
        OpSite site = d.site();
        if (site.call() == null || site.origin() != Origin.OP_CALL && site.origin() != Origin.BATCH_OP) {
            return null;
        }
        if (d.kind() == ObjectKind.COLUMN) {
            return AddColumnNotIdempotent.columnGuard(file, d, true);
        }
        ConstraintKind kind = d.kind() == ObjectKind.CONSTRAINT ? constraintType(site.call()) : null;
        if (kind == null) {
            return null;
        }
        ConstraintNames.Name real = ConstraintNames.ofDrop(d, ctx.naming());
        if (!(real instanceof ConstraintNames.Name.Given g)) {
            return null;
        }
        return AddConstraintNotIdempotent.constraintGuard(file, site, kind, d.name(), d.table(), true, g.name());
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
                return GuardWrapper.wrap(file, site, AddColumnNotIdempotent.columnGuard(file, d, true),
                        GuardWrapper.title("get_columns"), inner);
            case INDEX:
                return GuardWrapper.wrap(file, site,
                        CreateIndexNotIdempotent.indexGuard(file, site, d.name(), d.table(), true),
                        GuardWrapper.title("get_indexes"), inner);
            case CONSTRAINT: {
                ConstraintKind kind = constraintType(call);
                if (kind == null) {
                    return null;
                }
                String method = kind == ConstraintKind.PRIMARY_KEY ? "get_pk_constraint"
                        : AddConstraintNotIdempotent.guardMethod(kind);
                ConstraintNames.Name real = naming == null ? null
                        : ConstraintNames.ofDrop(d, naming);
                if (real != null && !(real instanceof ConstraintNames.Name.Given)
                        && !naming.isUnknown()) {
                    return null; // the convention renames it, to a name that cannot be known here
                }
                String stored = real instanceof ConstraintNames.Name.Given g ? g.name() : null;
                return GuardWrapper.wrap(file, site, AddConstraintNotIdempotent.constraintGuard(file, site, kind,
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
        switch (s.constantText()) {
            case "foreignkey":
                return ConstraintKind.FOREIGN_KEY;
            case "unique":
                return ConstraintKind.UNIQUE;
            case "check":
                return ConstraintKind.CHECK;
            case "primary":
                return ConstraintKind.PRIMARY_KEY;
            default:
                return null;
        }
    }

    static boolean kwargSupported(ObjectKind kind, RuleContext ctx) {
        return kwargSupported(kind, ctx.settings());
    }

    private static boolean kwargSupported(ObjectKind kind, Settings settings) {
        switch (kind) {
            case INDEX:
                return settings.indexIfExistsSupported();
            case TABLE:
                return settings.tableIfExistsSupported();
            case COLUMN:
                return settings.columnIfExistsSupported();
            case CONSTRAINT:
                return settings.constraintIfExistsSupported();
            default:
                return true;
        }
    }

    private static String help(Operation.Drop d, boolean kwarg, RuleContext ctx) {
        if (d.site().origin() == Origin.SQLALCHEMY_DDL) {
            return "Pass `checkfirst=True` to `.drop(...)`.";
        }
        if (!kwarg) {
            return d.kind() == ObjectKind.COLUMN || d.kind() == ObjectKind.CONSTRAINT
                    ? "Write `DROP " + d.kind().sql().toUpperCase(Locale.ROOT) + " IF EXISTS`."
                    : "Write `DROP " + d.kind().sql().toUpperCase(Locale.ROOT) + " IF EXISTS`.";
        }
        if (kwargSupported(d.kind(), ctx)) {
            return "Pass `if_exists=True`, or guard the call with the inspector.";
        }
        return "Guard the call with the inspector (`has_table`, `get_columns`, `get_indexes`, ...), or use"
                + " `op.execute(\"DROP ... IF EXISTS ...\")`; Alembic " + ctx.settings().alembic()
                + " has no working `if_exists` here.";
    }

    /**
     * A raw {@code SELECT} earlier in the revision that names {@code table.column} (backticks optional) of a column
     * the revision drops: on MySQL/MariaDB the first run's drop committed, so the re-run stops at that read with
     * 1054 ER_BAD_FIELD_ERROR before it reaches the drop. Reported at the read, with no fix: only a guard around
     * the read and what uses its rows tolerates the re-run.
     */
    private static void reportEarlierRead(Migration m, RuleContext ctx, Operation.Drop d, int at,
            CommittedRerun rerun, Set<Operation> reported) {
        Operation o = rerun.readBefore(d.table(), d.name(), at, d.site().phase(), reported);
        if (o == null) {
            return;
        }
        ctx.report(m.source(), o.site(), "Re-running this revision fails here with "
                + ctx.facts().undefinedColumn().label() + " because column \"" + d.name() + "\" of \"" + d.table()
                + "\", which this read names, is already dropped by a later statement of this revision.")
                .help(ctx.facts().rerunWhy(o.site(), ctx.facts().undefinedColumn()) + "Read the column only while it exists (check"
                        + " `sa.inspect(op.get_bind()).get_columns(...)` around the read and the writes that use"
                        + " its rows), or move the data migration into a revision of its own.")
                .emit();
    }

    /** The remedy for a constraint's drop where the revision makes a view under its table's name. */
    private static final String VIEW_HELP = "This revision makes a view under the table's name, and `DROP CONSTRAINT"
            + " IF EXISTS` (or `if_exists=True`) fails on a view (42809): drop the constraint only while pg_constraint"
            + " lists it on that table.";

    /** Why a drop whose object an earlier read of the revision names gets no fix. */
    private static final String READ_FIRST = " No fix is offered: an earlier statement of this revision reads"
            + " what this drops, so the re-run fails at that read before it reaches this drop.";

    /**
     * On PostgreSQL the whole revision committed, so its re-run meets the end state of the first run: a literal
     * data statement earlier in the revision that opens the table {@code d} drops, or names its column as
     * {@code table.column}, fails before the re-run reaches {@code d}. The read is reported once, with what
     * PostgreSQL raises there: 42P01 undefined_table when it opens a table the revision drops later (the FROM
     * list is resolved before the expressions), else 42703 undefined_column. Returns the read, reported now or
     * before; null when there is none.
     */
    private static Operation postgresReadBefore(Migration m, RuleContext ctx, Operation.Drop d, int at,
            CommittedRerun rerun, Reads reads, Set<Operation> reported,
            Map<Operation, Boolean> guarded) {
        Operation o = read(d, at, rerun);
        if (o == null || o.site().guard() != null || !reads.gone(o, d)) {
            // a guarded read may not run; an object the re-run may meet again at the read (made before it, as a
            // temporary table, or after the drop, or by code between it cannot read) is not claimed
            return null;
        }
        if (!reported.add(o)) {
            return o;
        }
        // the dropped table this read opens, if any: PostgreSQL fails on it before any column
        String table = null;
        // else the dropped column it names first: PostgreSQL reports the first one it meets
        Operation.Drop column = d.kind() == ObjectKind.COLUMN ? d : null;
        for (Operation.Drop t : reads.droppedAfter(o)) {
            if (!reads.gone(o, t)) {
                continue;
            }
            if (t.kind() == ObjectKind.TABLE) {
                table = t.name();
                break;
            }
            if (t.kind() == ObjectKind.COLUMN && column != null
                    && rerun.offsetOf(o, t.table(), t.name()) < rerun.offsetOf(o, column.table(), column.name())) {
                column = t;
            }
        }
        table = table == null && column == null ? d.name() : table;
        String what = table != null ? "table \"" + table + "\""
                : "column \"" + column.name() + "\" of \"" + column.table() + "\"";
        Fix guard = readGuard(m.source(), o, d, table, m.upgrade());
        guarded.put(o, guard != null && guard.applicability() != Applicability.DISPLAY_ONLY);
        ctx.report(m.source(), o.site(), "Re-running this revision fails with "
                + RerunScenario.failure(table != null ? SqlState.UNDEFINED_TABLE : SqlState.UNDEFINED_COLUMN, o.site())
                + " because " + what + ", read here, is dropped later in this revision" + RerunScenario.end(o.site()))
                .help(RerunScenario.why(o.site(), table != null ? SqlState.UNDEFINED_TABLE : SqlState.UNDEFINED_COLUMN)
                        + "Read it only while it exists (check"
                        + " `sa.inspect(op.get_bind())` around the read and the statements that use what it"
                        + " reads), or move the data migration into a revision of its own."
                        + noReadFix(o, guard, plainGuard(d, table)))
                .fixes(guard == null ? List.of() : List.of(guard)).emit();
        return o;
    }

    /** Why the read gets no applied fix, for its help; empty when its guard is applied. */
    private static String noReadFix(Operation read, Fix guard, boolean plain) {
        Expr.Call call = read.site().call();
        boolean opExecute = call != null && call.func() instanceof Expr.Attribute a && a.attr().equals("execute")
                && a.value() instanceof Expr.Name n && n.id().equals("op");
        if (guard == null && !opExecute && plain) {
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
    private static boolean plainGuard(Operation.Drop d, String table) {
        Expr.Call drop = d.site().call();
        return !(drop != null && drop.keyword("schema") != null) && (table != null
                ? plainName(table) && table.indexOf('.') < 0
                : plainName(d.name()) && plainName(d.table()) && d.table().indexOf('.') < 0);
    }

    /** The literal read at or before index {@code at} that opens the table {@code d} drops or names its column. */
    private static Operation read(Operation.Drop d, int at, CommittedRerun rerun) {
        return d.kind() == ObjectKind.TABLE ? rerun.tableReadBefore(d.name(), at, d.site().phase())
                : d.kind() == ObjectKind.COLUMN && d.table() != null
                        ? rerun.columnReadBefore(d.table(), d.name(), at, d.site().phase()) : null;
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
    private static Fix readGuard(SourceFile file, Operation read, Operation.Drop d, String table,
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
     * The reads before drops of a PostgreSQL revision, each with what the re-run meets there
     * ({@link RerunAnswers#meets}): the read fails only on an object the simulation leaves absent at the
     * read, never on one it leaves present or unknown.
     */
    private record Reads(List<Operation> upgrade, CommittedRerun rerun, RerunAnswers answers,
            Map<Operation, Integer> index, Map<DropKey, Map<ObjectRef, List<Integer>>> drops,
            Map<RerunSimulation.Question, Presence> meets) {
        static Reads of(List<Operation> upgrade, CommittedRerun rerun, RerunAnswers answers) {
            Map<Operation, Integer> index = new IdentityHashMap<>();
            Map<DropKey, Map<ObjectRef, List<Integer>>> drops = new HashMap<>();
            for (int i = 0; i < upgrade.size(); i++) {
                Operation o = upgrade.get(i);
                index.put(o, i);
                DropKey key = o instanceof Operation.Drop t ? DropKey.of(t) : null;
                ObjectRef object = key == null ? null : answers.claimed(o);
                if (object != null) {
                    drops.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(object, k -> new ArrayList<>()).add(i);
                }
            }
            Reads blank = new Reads(upgrade, rerun, answers, index, drops, Map.of());
            List<RerunSimulation.Question> asked = new ArrayList<>();
            Set<Operation> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int at = 0; at < upgrade.size(); at++) {
                if (upgrade.get(at) instanceof Operation.Drop d && d.name() != null) {
                    Operation o = read(d, at, rerun);
                    if (o == null) {
                        continue;
                    }
                    blank.ask(o, d, asked);
                    if (seen.add(o)) {
                        blank.droppedAfter(o).forEach(t -> blank.ask(o, t, asked));
                    }
                }
            }
            return new Reads(upgrade, rerun, answers, index, drops, asked.isEmpty() ? Map.of() : answers.meets(asked));
        }

        private void ask(Operation read, Operation.Drop d, List<RerunSimulation.Question> asked) {
            ObjectRef object = answers.claimed(d);
            if (object != null) {
                asked.add(new RerunSimulation.Question(index.get(read), object));
            }
        }

        /** The re-run meets what {@code d} drops absent at {@code read}. */
        boolean gone(Operation read, Operation.Drop d) {
            ObjectRef object = answers.claimed(d);
            return object != null
                    && meets.get(new RerunSimulation.Question(index.get(read), object)) == Presence.ABSENT;
        }

        /**
         * The drops after {@code read}, in its phase and in order, of tables it opens and of columns it names: of
         * each object the first only, as the re-run meets every later drop of it the same way at the read. Read
         * from the read's own names, so that many reads before many drops stay linear.
         */
        List<Operation.Drop> droppedAfter(Operation read) {
            int at = index.get(read);
            Phase phase = read.site().phase();
            TreeMap<Integer, Operation.Drop> out = new TreeMap<>();
            for (String t : rerun.tablesOpened(read)) {
                firstAfter(drops.get(new DropKey(phase, CommittedRerun.tableRef(t))), at, out);
            }
            for (ObjectRef c : rerun.columnsNamed(read)) {
                firstAfter(drops.get(new DropKey(phase, c)), at, out);
            }
            return new ArrayList<>(out.values());
        }

        private void firstAfter(Map<ObjectRef, List<Integer>> byObject, int at, Map<Integer, Operation.Drop> out) {
            if (byObject == null) {
                return;
            }
            for (List<Integer> dropsOf : byObject.values()) {
                int i = Collections.binarySearch(dropsOf, at + 1);
                i = i >= 0 ? i : -i - 1;
                if (i < dropsOf.size()) {
                    out.put(dropsOf.get(i), (Operation.Drop) upgrade.get(dropsOf.get(i)));
                }
            }
        }
    }

    /** A dropped table or column, named as reads name it ({@code CommittedRerun}), in its phase. */
    private record DropKey(Phase phase, ObjectRef object) {
        static DropKey of(Operation.Drop t) {
            if (t.name() == null) {
                return null;
            }
            return t.kind() == ObjectKind.TABLE
                    ? new DropKey(t.site().phase(), CommittedRerun.tableRef(t.name()))
                    : t.kind() == ObjectKind.COLUMN && t.table() != null
                            ? new DropKey(t.site().phase(), CommittedRerun.columnRef(t.table(), t.name()))
                            : null;
        }
    }

    /** The remedy on MySQL/MariaDB: the server's {@code IF EXISTS} where it has one, else the inspector. */
    private static String mysqlHelp(Operation.Drop d, RuleContext ctx) {
        return ctx.facts().dropIfExists(d.kind()) && d.site().origin() == Origin.RAW_SQL
                ? "Write `IF EXISTS` (" + ctx.facts().server() + " has it for this statement)."
                : "Guard the drop with the inspector (drop only while the object exists).";
    }

    static SqlState state(ObjectKind kind) {
        return PostgresFacts.dropMissing(kind);
    }
}
