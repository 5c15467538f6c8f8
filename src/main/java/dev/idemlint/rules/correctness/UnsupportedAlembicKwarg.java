package dev.idemlint.rules.correctness;

import dev.idemlint.discovery.Dialect;
import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.CallRewriter;
import dev.idemlint.rules.fix.DropFixes;
import dev.idemlint.rules.fix.DialectFixes;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.rules.fix.InspectorGuards;
import dev.idemlint.source.SourceFile;
import java.util.List;
import java.util.Locale;

/**
 * Flags {@code if_not_exists=} on {@code add_column} and {@code if_exists=} on {@code drop_constraint}
 * where the project's Alembic predates them: the call raises TypeError (other ops ignore the kwarg).
 * On MySQL 8.0 it also flags the column and index kwargs an Alembic that has them renders
 * as {@code IF [NOT] EXISTS}, which that server has on none of those statements (MysqlFacts).
 */
public final class UnsupportedAlembicKwarg implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        var s = ctx.settings();
        // TypeError or not is Alembic's and SQLAlchemy's business; the server's grammar comes after
        Settings alembicOnly = s.withDialect(Dialect.POSTGRESQL);
        for (Operation op : m.operations()) {
            Origin o = op.site().origin();
            if (!o.alembicOp()) {
                continue;
            }
            String call = null;
            String kwarg = null;
            String needs = null;
            if (op instanceof Operation.AddColumn a && a.ifNotExists() && !alembicOnly.columnIfExistsSupported()) {
                call = "add_column";
                kwarg = "if_not_exists";
                needs = "Alembic 1.16.0";
            } else if (op instanceof Operation.Drop d && d.ifExists() && d.kind() == ObjectKind.CONSTRAINT
                    && !alembicOnly.constraintIfExistsSupported()) {
                call = "drop_constraint";
                kwarg = "if_exists";
                needs = "Alembic 1.16.0 with SQLAlchemy 2.0";
            }
            if (call == null && !s.dialect().takesAlterIfExists()) {
                String clause = mysqlRejected(op, alembicOnly);
                if (clause != null) {
                    String name = op instanceof Operation.AddColumn ? "add_column"
                            : op instanceof Operation.CreateIndex ? "create_index"
                            : "drop_" + ((Operation.Drop) op).kind().sql().toLowerCase(Locale.ROOT);
                    String kw = op instanceof Operation.Drop ? "if_exists" : "if_not_exists";
                    ObjectKind kind = op instanceof Operation.AddColumn ? ObjectKind.COLUMN
                            : op instanceof Operation.CreateIndex ? ObjectKind.INDEX : ((Operation.Drop) op).kind();
                    ctx.report(m.source(), op.site(), "`" + name + "(" + kw + "=True)` fails on the first run"
                            + " on MySQL: Alembic " + s.alembic() + " renders `" + clause + "`, which MySQL rejects"
                            + " as a syntax error (1064 ER_PARSE_ERROR).")
                            .help("MySQL (8.0 manual) has no `IF [NOT] EXISTS` on column, index or constraint statements (MariaDB"
                                    + " has). Drop the keyword and guard the call with the inspector.")
                            .fixes(DialectFixes.portable(fixes(op, kw, m.source()), ctx.facts(), kind)).emit();
                }
            }
            if (call != null) {
                ctx.report(m.source(), op.site(), "`" + call + "(" + kwarg + "=True)` raises TypeError on the"
                        + " first run with Alembic " + s.alembic() + (s.alembicRange() == null ? "" : " (the lowest `"
                                + s.alembicRange() + "` allows)") + ": the keyword needs " + needs + ".")
                        .help("This project " + s.alembicStated() + " with SQLAlchemy " + s.sqlalchemy()
                                + ". Upgrade Alembic, or drop the keyword and guard the call with the inspector.")
                        .fixes(fixes(op, kwarg, m.source())).emit();
            }
        }
    }

    /**
     * The clause Alembic renders for the op's kwarg when {@code alembicOnly} (the project's Alembic and
     * SQLAlchemy, a server that takes the clause) honours it, for the statements MySQL 8.0 has no
     * {@code IF [NOT] EXISTS} on; null otherwise. Tables have it on MySQL 8.0 too.
     */
    private static String mysqlRejected(Operation op, Settings alembicOnly) {
        if (op instanceof Operation.AddColumn a && a.ifNotExists() && alembicOnly.columnIfExistsSupported()) {
            return "ADD COLUMN IF NOT EXISTS";
        }
        if (op instanceof Operation.CreateIndex c && c.ifNotExists() && alembicOnly.indexIfExistsSupported()) {
            return "CREATE INDEX IF NOT EXISTS";
        }
        if (op instanceof Operation.Drop d && d.ifExists()) {
            return switch (d.kind()) {
                case COLUMN -> alembicOnly.columnIfExistsSupported() ? "DROP COLUMN IF EXISTS" : null;
                case INDEX -> alembicOnly.indexIfExistsSupported() ? "DROP INDEX IF EXISTS" : null;
                // SQLAlchemy's MySQL compiler renders no IF EXISTS on a dropped constraint: nothing for MySQL to reject
                default -> null;
            };
        }
        return null;
    }

    /**
     * Removes the keyword and guards the call with the inspector instead (UNSAFE, as every guard; a
     * display-only suggestion where the guard's place is not clear); a drop becomes its
     * {@code DROP ... IF EXISTS} statement where it can be written.
     */
    static List<Fix> fixes(Operation op, String kwarg, SourceFile file) {
        Expr.Call call = op.site().call();
        Arg arg = call == null ? null : call.keyword(kwarg);
        if (arg == null) {
            return List.of();
        }
        List<TextEdit> inner = List.of(TextEdit.delete(file.path(), CallRewriter.removal(file, call, arg)));
        Fix guard;
        if (op instanceof Operation.AddColumn add) {
            guard = GuardWrapper.wrap(file, add.site(), InspectorGuards.columnGuard(file, add, false),
                    GuardWrapper.title("get_columns"), inner);
        } else if (op instanceof Operation.Drop d) {
            // the drop the keyword meant, written as the statement: the database checks the very name
            Fix statement = DropFixes.ifExistsStatement(d, file);
            if (statement != null) {
                return List.of(statement);
            }
            guard = DropFixes.guard(d, file, inner);
        } else {
            guard = null;
        }
        if (guard == null) {
            return List.of();
        }
        String title = "Remove `" + kwarg + "=True` and g" + guard.title().substring(1);
        return List.of(new Fix(title, guard.applicability(), guard.edits(), guard.files()));
    }
}
