package dev.idemlint.rules.idempotency;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ConstraintNames;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.Severity;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.GoneTable;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.rules.fix.InspectorGuards;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.fix.SourceLayout;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.schema.RerunSimulation;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Flags named constraint creation ({@code create_foreign_key}, {@code create_unique_constraint},
 * {@code create_check_constraint}, {@code create_primary_key}, {@code ADD CONSTRAINT}), which has
 * no IF NOT EXISTS in PostgreSQL.
 */
public final class AddConstraintNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        enumChecks(m, ctx);
        for (Operation op : m.upgrade()) {
            // Unnamed constraints get a fresh generated name on every run and do not fail, except a
            // primary key: a table has only one (42P16), whatever its name.
            // A naming convention names them, though: the same name on every run.
            if (!(op instanceof Operation.AddConstraint c) || GuardMatch.guarded(m, op)) {
                continue;
            }
            ConstraintNames.Name real = ConstraintNames.of(c, ctx.naming());
            String stored = real instanceof ConstraintNames.Name.Given g ? g.name() : null;
            boolean opCall = c.site().call() != null
                    && c.site().origin().alembicOp();
            if (GoneTable.reported(m, ctx, op, opCall && c.kind() != null && (c.name() != null || stored != null)
                    ? InspectorGuards.constraintGuard(m.source(), c.site(), c.kind(), c.name(), c.table(), false, stored) : null)
                    || c.ifNotExists()) {
                continue;
            }
            if (c.name() == null && c.kind() != ConstraintKind.PRIMARY_KEY && (stored == null
                    || !ctx.naming().exact() || ((ConstraintNames.Name.Given) real).origin() != ConstraintNames.Origin.CONVENTION)) {
                boolean conventionNamed = real instanceof ConstraintNames.Name.Given g
                        && g.origin() == ConstraintNames.Origin.CONVENTION;
                // a server that names an unnamed foreign key by a counter adds one more on every run, whatever
                // writes it; elsewhere only op calls, whose guard can be written: raw SQL's unnamed keys are not
                // claimed
                boolean claimed = (ctx.facts().numbersUnnamedForeignKeys() ? c.kind() == ConstraintKind.FOREIGN_KEY
                        : opCall && (c.kind() == ConstraintKind.FOREIGN_KEY || c.kind() == ConstraintKind.UNIQUE))
                        // a name the call computes at run time is the same on every run: no second constraint
                        && (!opCall || ConstraintNames.passesNoName(c.site()));
                if (!conventionNamed && claimed && failsBefore(m, op)) {
                    reportUnnamed(m, ctx, c, real);
                }
                continue;
            }
            ServerFacts facts = ctx.facts();
            ServerFacts.Raised duplicate = facts.duplicate(ObjectKind.CONSTRAINT, c.kind());
            if (facts.tolerates(c.site(), duplicate)) {
                continue;
            }
            String what = RerunScenario.describe(ObjectKind.CONSTRAINT, stored != null ? stored : c.name(), c.table());
            String because = c.kind() == ConstraintKind.PRIMARY_KEY
                    ? " because \"" + RerunScenario.nameOr(c.table()) + "\" already has a primary key"
                    : " because " + what + " already exists";
            boolean raw = c.site().origin() == Origin.RAW_SQL;
            // a server that runs the revision in one transaction takes a DO block; one that commits each
            // statement takes its own IF NOT EXISTS where it has one, else the inspector guard
            List<Fix> fixes = facts.doBlocks() ? fixes(c, m.source(), real, ctx.naming())
                    : raw ? DialectFixes.rawSqlFixes(c, m.source(), facts) : fixes(c, m.source());
            ctx.report(m.source(), op.site(), "Re-running this revision fails with " + facts.failure(duplicate, op.site())
                    + because + RerunScenario.end(op.site()))
                    .help(facts.rerunWhy(op.site(), duplicate) + help(c, facts, raw)).fixes(fixes).emit();
        }
    }

    /**
     * {@code alter_column(type_=sa.Enum(..., native_enum=False, create_constraint=True))}: Alembic (1.8 and 1.20
     * alike) adds the Enum's CHECK constraint after the type change, named as the Enum, so the re-run meets the one
     * the first run added. Reported where the re-run stops there (its earlier statements pass).
     */
    private static void enumChecks(Migration m, RuleContext ctx) {
        if (m.upgrade().stream().noneMatch(AddConstraintNotIdempotent::enumTypeChange)) {
            // the re-run is not simulated for a revision that has no such statement to report
            return;
        }
        for (RerunSimulation.Failure f : ctx.rerunAnswers(m).conflicts()) {
            if (!(f.op() instanceof Operation.Benign b && enumTypeChange(b) && f.conflict().alreadyThere()
                    && f.conflict().object().kind() == ObjectKind.CONSTRAINT)) {
                // the re-run stops at its first failure, which is another statement's
                return;
            }
            ServerFacts facts = ctx.facts();
            ServerFacts.Raised duplicate = facts.duplicate(ObjectKind.CONSTRAINT, ConstraintKind.CHECK);
            if (GuardMatch.guarded(m, b) || facts.tolerates(b.site(), duplicate)) {
                return;
            }
            String what = RerunScenario.describe(ObjectKind.CONSTRAINT, f.conflict().object().name().name(),
                    b.table());
            ctx.report(m.source(), b.site(), "Re-running this revision fails with " + facts.failure(duplicate, b.site())
                    + " because the Enum's " + what + " already exists" + RerunScenario.end(b.site()))
                    .help(facts.rerunWhy(b.site(), duplicate) + "Alembic adds a non-native Enum's CHECK constraint"
                            + " after `alter_column` changes the type: run the change only while the column lacks"
                            + " it (check `get_check_constraints` of `sa.inspect(op.get_bind())` first), or drop"
                            + " the constraint if it exists before.")
                    .emit();
            return;
        }
    }

    /** {@code alter_column(type_=sa.Enum(...))}: a change to an Enum type, whose CHECK constraint Alembic may add. */
    private static boolean enumTypeChange(Operation op) {
        return op instanceof Operation.Benign b && b.type() != null && b.type().enumType() != null
                && "alter_column".equals(b.what());
    }

    /** The remedy: a DO block where the server runs one (PostgreSQL); else the server's own clause or the inspector. */
    private static String help(Operation.AddConstraint c, ServerFacts facts, boolean raw) {
        String inspector = inspectorMethod(c.kind());
        if (facts.doBlocks()) {
            return "PostgreSQL has no `ADD CONSTRAINT IF NOT EXISTS`: wrap the statement in `DO $$ BEGIN"
                    + " ALTER TABLE ... ADD CONSTRAINT ...; EXCEPTION WHEN " + PostgresFacts.duplicate(c.kind()).condition()
                    + " THEN null; END $$`, or guard the call with the inspector (" + inspector + ").";
        }
        String guard = "guard it with the inspector (" + inspector + " of `sa.inspect(op.get_bind())`)";
        if (!raw || !facts.ifNotExists(ObjectKind.CONSTRAINT)) {
            return (raw ? facts.server() + " has no IF NOT EXISTS for this constraint"
                    : "Alembic has no if_not_exists for constraints") + ": " + guard + ".";
        } else if (c.kind() == ConstraintKind.UNIQUE) {
            return "Write `ADD UNIQUE KEY IF NOT EXISTS name (...)` (MariaDB rejects `ADD CONSTRAINT IF NOT EXISTS"
                    + " name UNIQUE`), or " + guard + ".";
        } else if (c.kind() == ConstraintKind.FOREIGN_KEY) {
            return "Write `ADD CONSTRAINT name FOREIGN KEY IF NOT EXISTS (...)`, or " + guard + ".";
        }
        return "Write `IF NOT EXISTS` in the ADD clause, or " + guard + ".";
    }

    /**
     * An earlier creating or dropping operation of the revision that nothing guards: the re-run stops there
     * today, and reaches what follows once that statement is made re-runnable.
     */
    private static boolean failsBefore(Migration m, Operation until) {
        for (Operation o : m.upgrade()) {
            if (o == until) {
                return false;
            }
            boolean creates = o instanceof Operation.AddColumn a && !a.ifNotExists()
                    || o instanceof Operation.CreateTable t && !t.tolerant()
                    || o instanceof Operation.CreateIndex i && !i.ifNotExists()
                    || o instanceof Operation.AddConstraint k && k.name() != null && !k.ifNotExists();
            boolean drops = o instanceof Operation.Drop d && !d.ifExists()
                    || o instanceof Operation.Rename r && !r.ifExists();
            if (creates && !GuardMatch.guarded(m, o) || drops && !GuardMatch.guarded(m, o)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An unnamed foreign key (or, on PostgreSQL, unique constraint) gets a fresh name on every run: MySQL/MariaDB
     * name a foreign key {@code <table>_ibfk_<n>} with the next free n, PostgreSQL picks {@code <table>_<cols>_fkey}
     * ({@code _key}) with a digit appended while that name is taken. Adding it again succeeds and leaves two.
     * Reported only after a statement that fails on re-run: once that one tolerates a re-run (as the fixes make it),
     * the re-run reaches this call and the schema gains a second constraint. The finding is a warning on every
     * server: the revision's re-run fails at the earlier statement, which has its own error finding naming what the
     * server raises, and once that is fixed it passes with the duplicate, the server raising nothing here.
     */
    private static void reportUnnamed(Migration m, RuleContext ctx, Operation.AddConstraint c, ConstraintNames.Name real) {
        OpSite site = c.site();
        // a counter names the key: the words say so, and no convention's name is in question
        boolean numbered = ctx.facts().numbersUnnamedForeignKeys();
        boolean fk = c.kind() == ConstraintKind.FOREIGN_KEY;
        String guard = site.origin() == Origin.RAW_SQL || site.call() == null ? null
                : fk ? unnamedForeignKeyGuard(m.source(), c) : unnamedUniqueGuard(m.source(), c);
        List<Fix> fixes = new ArrayList<>();
        fixes.add(GuardWrapper.wrap(m.source(), site, guard, fk
                ? "Guard with `get_foreign_keys` (same columns and referred table)"
                : "Guard with `get_unique_constraints` (same columns)", List.of(),
                guard != null && unnamedGuardFromSource(m.source(), site, fk)));
        Fix.dropMissing(fixes);
        String table = RerunScenario.nameOr(c.table());
        String what = fk ? "foreign key" : "unique constraint";
        // a convention that cannot be read may name the key, the same name on every run: then the re-run fails
        String unread = numbered || real instanceof ConstraintNames.Name.Given ? null
                : real instanceof ConstraintNames.Name.Unknown u ? u.reason() : "its name is not known";
        String because = numbered ? ", because " + ctx.facts().server()
                + " gives an unnamed foreign key a fresh `" + table + "_ibfk_N` name"
                : " (PostgreSQL names it \"" + table + "_..._" + (fk ? "fkey" : "key") + "1\")";
        String method = fk ? "get_foreign_keys" : "get_unique_constraints";
        String named = unread != null ? "The name the " + what + " gets is not known (" + unread + "). "
                : numbered ? "" : "PostgreSQL names an unnamed " + what + " itself and, that name being taken,"
                        + " gives the copy the name with a digit appended. ";
        String help = named + "Name the " + what + ", or guard the call with the inspector: look for a " + what
                + " over the same columns" + (fk ? " to the same table" : "") + " in `sa.inspect(op.get_bind())."
                + method + "(...)`." + (fixes.isEmpty() && !numbered ? " No fix is applied: the guard is written only"
                        + " for a call that passes the table and the columns." : "");
        String message = unread == null
                ? "Once the statements before it re-run, re-running this revision adds a second " + what + " on \""
                        + table + "\" without an error" + because + "."
                : "Once the statements before it re-run, a re-run adds a second " + what + " on \"" + table
                        + "\", or fails with " + PostgresFacts.duplicate(c.kind()).label() + " if the naming convention names it.";
        ctx.report(m.source(), site, message).help(help).fixes(fixes).severity(Severity.WARNING).emit();
    }

    /**
     * {@code not any(...)} over the inspector's foreign keys of the table, matching the call's local columns, referred
     * table and referred columns ({@code op.create_foreign_key(None, source, referent, local_cols, remote_cols)} or
     * {@code batch_op.create_foreign_key(None, referent, local_cols, remote_cols)}); null when an argument is
     * missing or the referred table has a schema of its own.
     */
    private static String unnamedForeignKeyGuard(SourceFile file, Operation.AddConstraint c) {
        OpSite site = c.site();
        Expr.Call call = site.call();
        boolean batch = site.origin() == Origin.BATCH_OP;
        int b = batch ? 1 : 0;
        Expr referent = CallRewriter.argument(call, 2 - b, "referent_table");
        Expr local = CallRewriter.argument(call, 3 - b, "local_cols");
        Expr remote = CallRewriter.argument(call, 4 - b, "remote_cols");
        Expr source = batch ? null : CallRewriter.argument(call, 1, "source_table");
        if (referent == null || local == null || remote == null || !batch && source == null
                || call.keyword("referent_schema") != null) {
            return null;
        }
        String table = batch ? batchTableOr(file, c) : file.slice(source.span());
        if (table == null) {
            return null;
        }
        // create_foreign_key takes the table's schema as source_schema=, not schema=
        Arg schema = call.keyword("source_schema");
        String schemaArg = schema == null || schema.value() instanceof Expr.Const ? ""
                : ", schema=" + file.slice(schema.value().span());
        return "not any(fk[\"referred_table\"] == " + file.slice(referent.span()) + " and fk[\"constrained_columns\"] == "
                + asList(file, local) + " and fk[\"referred_columns\"] == " + asList(file, remote) + " for fk in "
                + GuardWrapper.INSPECTOR + ".get_foreign_keys(" + table + schemaArg + "))";
    }

    /**
     * {@code not any(...)} over the inspector's unique constraints of the table, matching the call's columns in their
     * order ({@code op.create_unique_constraint(None, table, columns)} or
     * {@code batch_op.create_unique_constraint(None, columns)}); null when an argument is missing.
     */
    private static String unnamedUniqueGuard(SourceFile file, Operation.AddConstraint c) {
        OpSite site = c.site();
        Expr.Call call = site.call();
        boolean batch = site.origin() == Origin.BATCH_OP;
        Expr columns = CallRewriter.argument(call, batch ? 1 : 2, "columns");
        Expr source = batch ? null : CallRewriter.argument(call, 1, "table_name");
        if (columns == null || !batch && source == null) {
            return null;
        }
        String table = batch ? batchTableOr(file, c) : file.slice(source.span());
        if (table == null) {
            return null;
        }
        return "not any(uc[\"column_names\"] == " + asList(file, columns) + " for uc in " + GuardWrapper.INSPECTOR
                + ".get_unique_constraints(" + table + GuardWrapper.schemaArg(file, call) + "))";
    }

    /**
     * Whether the unnamed key's guard holds for every call of a helper and every turn of a loop: the tables (and a
     * foreign key's {@code source_schema=}) are what {@link GuardWrapper#fromSource} accepts, a batch op's table
     * being the block's as {@link GuardWrapper#batchTable} writes it, and the column lists are list or tuple
     * literals of such expressions. A name for the columns is refused: the guard evaluates it before the call does,
     * and {@code list(...)} would leave a generator empty for the call.
     */
    private static boolean unnamedGuardFromSource(SourceFile file, OpSite site, boolean fk) {
        Expr.Call call = site.call();
        boolean batch = site.origin() == Origin.BATCH_OP;
        int b = batch ? 1 : 0;
        List<Expr> written = new ArrayList<>();
        for (Expr list : fk ? Arrays.asList(CallRewriter.argument(call, 3 - b, "local_cols"),
                CallRewriter.argument(call, 4 - b, "remote_cols")) : Arrays.asList(CallRewriter.argument(call, 2 - b, "columns"))) {
            if (list instanceof Expr.ListExpr l) {
                written.addAll(l.elements());
            } else if (list instanceof Expr.Tuple t) {
                written.addAll(t.elements());
            } else {
                return false;
            }
        }
        if (fk) {
            written.add(CallRewriter.argument(call, 2 - b, "referent_table"));
            Arg schema = call.keyword("source_schema");
            if (schema != null && !(schema.value() instanceof Expr.Const)) {
                written.add(schema.value());
            }
        }
        if (batch) {
            return GuardWrapper.batchTable(file, site) != null && GuardWrapper.fromSource(file, call, written.toArray(Expr[]::new));
        }
        written.add(CallRewriter.argument(call, 1, fk ? "source_table" : "table_name"));
        return GuardWrapper.fromSource(file, call, written.toArray(Expr[]::new));
    }

    /**
     * A batch op's table for its guard: the block's as written when {@link GuardWrapper#batchTable} gives it (it
     * holds on every turn of a loop), else the table read, quoted.
     */
    private static String batchTableOr(SourceFile file, Operation.AddConstraint c) {
        String written = GuardWrapper.batchTable(file, c.site());
        return written != null ? written : CallRewriter.quoteOrNull(c.table());
    }

    /** {@code e} as written when it is a list literal, else {@code list(e)} (the inspector gives lists). */
    private static String asList(SourceFile file, Expr e) {
        String text = file.slice(e.span());
        return e instanceof Expr.ListExpr ? text : "list(" + text + ")";
    }

    /**
     * Raw SQL: the statement wrapped in a DO block that catches what a duplicate raises. Op calls: a
     * guard on the inspector method that lists the constraint's kind.
     */
    static List<Fix> fixes(Operation.AddConstraint c, SourceFile file) {
        return fixes(c, file, null, NamingConvention.unknown("not read"));
    }

    /**
     * As {@link #fixes(Operation.AddConstraint, SourceFile)}, the guard checking {@code real}, the name the
     * project's naming convention gives the constraint; no guard when the convention is known but the name it
     * makes is not (a guard on the written name would never hold).
     */
    static List<Fix> fixes(Operation.AddConstraint c, SourceFile file, ConstraintNames.Name real,
            NamingConvention naming) {
        OpSite site = c.site();
        List<Fix> out = new ArrayList<>();
        if (site.origin() == Origin.RAW_SQL) {
            SqlRewriter r = SqlRewriter.of(site, file);
            if (r != null) {
                String conditions = PostgresFacts.duplicateConditions(c.kind());
                out.add(r.wrapInDoBlock(conditions, -1, -1, "Wrap in a `DO` block catching `" + conditions + "`"));
            }
            return out;
        }
        if (site.call() == null) {
            return out;
        }
        if (c.kind() == ConstraintKind.EXCLUDE) {
            out.add(catalogGuard(c, file));
            Fix.dropMissing(out);
            return out;
        }
        String method = InspectorGuards.checkMethod(c.kind());
        String stored = real instanceof ConstraintNames.Name.Given g ? g.name() : null;
        String guard = stored == null && real != null && !naming.isUnknown() ? null
                : InspectorGuards.constraintGuard(file, site, c.kind(), c.name(), c.table(), false, stored);
        out.add(GuardWrapper.wrap(file, site, guard,
                GuardWrapper.title(method == null ? "get_foreign_keys" : method), List.of(),
                GuardWrapper.batchTable(file, site) != null));
        Fix.dropMissing(out);
        return out;
    }

    /**
     * The inspector lists no exclusion constraints: a guard on {@code pg_constraint}, for a constraint
     * and table named by plain lower-case literals (as PostgreSQL stores them) on the default schema;
     * null otherwise.
     */
    private static Fix catalogGuard(Operation.AddConstraint c, SourceFile file) {
        Expr.Call call = c.site().call();
        String plain = "[a-z_][a-z0-9_]*";
        if (c.name() == null || c.table() == null || !c.name().matches(plain) || !c.table().matches(plain)
                || call.keyword("schema") != null || !(CallRewriter.argument(call, 0, "constraint_name")
                        instanceof Expr.Str)) {
            return null;
        }
        String alias = SourceLayout.of(file).sqlalchemyAlias();
        String sa = alias == null ? "sa" : alias;
        String check = "not op.get_bind().execute(" + sa + ".text(\"SELECT 1 FROM pg_constraint WHERE conname = '"
                + c.name() + "' AND conrelid = '" + c.table() + "'::regclass\")).first()";
        return GuardWrapper.wrapPlain(file, c.site(), check, "Guard with a `pg_constraint` query");
    }

    private static String inspectorMethod(ConstraintKind kind) {
        String method = InspectorGuards.checkMethod(kind);
        return method == null ? "a `pg_constraint` query" : "`" + method + "`";
    }
}
