package dev.idemlint.rules.types;

import dev.idemlint.fix.Fix;
import dev.idemlint.schema.GuardMatch;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresFacts;
import dev.idemlint.rule.MigrationRule;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rules.fix.GuardWrapper;
import dev.idemlint.rules.RerunScenario;
import dev.idemlint.rules.fix.SourceLayout;
import dev.idemlint.source.Span;
import dev.idemlint.rules.fix.SqlRewriter;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Flags {@code ALTER TYPE ... ADD VALUE} without IF NOT EXISTS, and inside a transaction before PostgreSQL 12. */
public final class AlterTypeAddValueNotIdempotent implements MigrationRule {
    @Override
    public void check(Migration m, RuleContext ctx) {
        if (!ctx.facts().namedTypes()) {
            return; // MySQL and MariaDB have no named types: an ENUM's values change with its column (MODIFY COLUMN)
        }
        int pg = ctx.settings().postgresMajor();
        for (Operation op : m.upgrade()) {
            if (!(op instanceof Operation.AlterTypeAddValue av)) {
                continue;
            }
            String value = av.label() == null ? "the value" : "value '" + av.label() + "'";
            String type = av.type() == null ? "the type" : "type \"" + av.type() + "\"";
            if (pg < 12 && !av.site().autocommit() && !ctx.settings().envMayAutocommit()) {
                // Alembic runs each revision in a transaction on PostgreSQL; before 12, ADD VALUE refuses one.
                ctx.report(m.source(), av.site(), "On PostgreSQL " + pg + " `ALTER TYPE ... ADD VALUE`"
                        + " fails with ActiveSqlTransaction (25001) on the first run because Alembic runs the revision"
                        + " inside a transaction block.")
                        .help("Run it in `with op.get_context().autocommit_block():` (and keep `IF NOT EXISTS`),"
                                + " or target PostgreSQL 12 or later.")
                        .fix(autocommitSuggestion(av, m.source()))
                        .emit();
            }
            if (!av.ifNotExists() && !GuardMatch.guarded(m, av)) {
                ctx.report(m.source(), av.site(), "Re-running this revision fails with "
                        + RerunScenario.failure(PostgresFacts.labels().labelTaken(), av.site()) + " because " + value + " of " + type + " already exists" + RerunScenario.end(av.site()))
                        .help(RerunScenario.why(av.site(), PostgresFacts.labels().labelTaken()) + "Write `ALTER TYPE " + (av.type() == null ? "..." : av.type()) + " ADD VALUE IF NOT EXISTS "
                                + (av.label() == null ? "..." : "'" + av.label() + "'") + "` (PostgreSQL 9.3+).")
                        .fixes(fixes(av, m.source())).emit();
            }
        }
    }

    /**
     * Display-only: the statement moved into {@code autocommit_block()} (with {@code IF NOT EXISTS}
     * added where that fix applies). Not applied: the block commits what ran before it, which changes
     * what a failure later in the revision leaves behind.
     */
    static Fix autocommitSuggestion(Operation.AlterTypeAddValue av, SourceFile file) {
        Span stmt = av.site().statement();
        if (stmt == null) {
            return null;
        }
        String code = file.slice(stmt);
        if (!av.ifNotExists()) {
            Fix f = null;
            for (Fix x : fixes(av, file)) {
                if (!x.edits().isEmpty()) {
                    f = x;
                    break;
                }
            }
            if (f != null) {
                code = GuardWrapper.applyWithin(file.text(), stmt, f.edits());
            }
        }
        String unit = SourceLayout.of(file).indentUnit();
        String indent = SourceLayout.of(file).indentationAt(stmt.start());
        return Fix.displayOnly("Run it in `with op.get_context().autocommit_block():`",
                "with op.get_context().autocommit_block():\n" + unit + code.replace("\n" + indent, "\n" + unit));
    }

    /** Raw SQL: {@code ADD VALUE IF NOT EXISTS}, SAFE (a no-op when the label is there). */
    static List<Fix> fixes(Operation.AlterTypeAddValue av, SourceFile file) {
        List<Fix> out = new ArrayList<>();
        SqlRewriter r = SqlRewriter.of(av.site(), file);
        int at = r == null ? -1 : r.find(0, "VALUE");
        if (at > 0 && r.at(at - 1, "ADD") && !r.at(at + 1, "IF")) {
            out.add(r.insertAfter(at, r.cased("IF NOT EXISTS"), "Add `IF NOT EXISTS`"));
        }
        Fix.dropMissing(out);
        return out;
    }
}
