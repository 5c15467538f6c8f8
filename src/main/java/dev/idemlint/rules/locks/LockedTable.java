package dev.idemlint.rules.locks;

import dev.idemlint.discovery.Settings;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import dev.idemlint.rule.RuleContext;
import dev.idemlint.rule.VersionsTree;
import dev.idemlint.rules.MysqlDialect;
import dev.idemlint.schema.RevisionStart;
import dev.idemlint.schema.SchemaTimeline;
import java.util.List;

/**
 * The walk the lock rules share: every upgrade operation of the revisions the run reports on, with the timeline
 * that tells whether its table existed before the revision began. Lock facts are PostgreSQL's: on MySQL and
 * MariaDB the rules say nothing.
 */
final class LockedTable {
    private LockedTable() {
    }

    /** One operation of a revision, with where to ask about its tables. */
    record At(SchemaTimeline timeline, Migration migration, int index, Operation op, Settings settings) {
        /**
         * Whether the operation's own text contains {@code word} (lower case; the text in any case): asked before its call is read, since a project rule
         * gets calls back only by parsing the file again ({@code CallRef}).
         */
        boolean mentions(String word) {
            String sql = op.site().sqlStatement();
            if (sql != null) {
                return sql.toLowerCase(java.util.Locale.ROOT).contains(word);
            }
            // the call itself, also when a helper's call is reported at the line of upgrade() that calls the helper
            dev.idemlint.migration.CallRef ref = op.site().callRef();
            dev.idemlint.source.Span span = ref != null ? ref.span() : op.site().span();
            String text = ref != null && ref.file() != null ? ref.file().text() : migration.source().text();
            return span != null && span.start() >= 0 && span.end() <= text.length() && span.start() <= span.end()
                    && text.substring(span.start(), span.end()).toLowerCase(java.util.Locale.ROOT).contains(word);
        }

        /** Whether {@code table}, which the operation acts on, held rows before the revision began. */
        boolean existing(String table) {
            return table != null
                    && RevisionStart.table(timeline, migration, index, op, table, settings) == RevisionStart.Table.EXISTING;
        }
    }

    /** The text of a plain string literal, or null (an f-string, bytes, anything else). */
    static String literal(dev.idemlint.python.Expr e) {
        if (!(e instanceof dev.idemlint.python.Expr.Str s) || s.bytes()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (dev.idemlint.python.StrPiece p : s.pieces()) {
            if (p.dynamic()) {
                return null;
            }
            sb.append(p.text());
        }
        return sb.toString();
    }

    interface Check {
        void check(At at, RuleContext ctx);
    }

    static void walk(VersionsTree tree, RuleContext ctx, Check check) {
        Settings s = ctx.settings();
        if (MysqlDialect.applies(s)) {
            return;
        }
        SchemaTimeline t = ctx.timeline();
        for (Migration m : t.order()) {
            if (!ctx.reports(m.source())) {
                continue;
            }
            List<Operation> up = m.upgrade();
            for (int i = 0; i < up.size(); i++) {
                check.check(new At(t, m, i, up.get(i), s), ctx);
            }
        }
    }
}
