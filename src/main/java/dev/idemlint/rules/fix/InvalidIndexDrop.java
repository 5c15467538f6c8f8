package dev.idemlint.rules.fix;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.SchemaRef;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The statement that drops an INVALID leftover of a concurrent index build before the build runs again. A
 * {@code CREATE INDEX CONCURRENTLY} that fails (a duplicate key of a unique index, a lock or statement timeout, a
 * cancelled deploy) leaves the index in the catalog with {@code pg_index.indisvalid} false (observed on PostgreSQL
 * 15); {@code IF NOT EXISTS} sees the name and skips the build, so the retry keeps an index the planner never uses.
 * The drop runs in a {@code DO} block because only PL/pgSQL can make it conditional, and so it is a plain
 * {@code DROP INDEX}: PostgreSQL refuses {@code DROP INDEX CONCURRENTLY} inside a function (0A000). It takes
 * ACCESS EXCLUSIVE on the table only when there is an INVALID index to drop, and only for the drop.
 */
public final class InvalidIndexDrop {
    private InvalidIndexDrop() {
    }

    /** A name PostgreSQL keeps as written without quotes, short enough not to be truncated (63 bytes). */
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The SQL that drops index {@code name} when it is INVALID, or null when the name needs quoting. */
    public static String statement(String name) {
        if (name == null || !PLAIN.matcher(name).matches()) {
            return null;
        }
        return "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_index WHERE indexrelid = to_regclass('" + name
                + "') AND NOT indisvalid) THEN DROP INDEX " + name + "; END IF; END $$";
    }

    /**
     * The fix that puts {@code op.execute(<statement>)} on its own line right before the Python statement of
     * {@code site}, at its indentation (inside the same autocommit block); null when the index name needs quoting,
     * the index goes to a schema the call or SQL names, the statement is reached through a helper, or it does not
     * start its line. UNSAFE: it adds a drop.
     */
    public static Fix before(SourceFile file, OpSite site, String name, String title) {
        String sql = statement(name);
        Span stmt = site.statement();
        if (sql == null || stmt == null || site.indirect() || !SchemaRef.Targets.SEARCH_PATH.equals(site.targets())) {
            return null;
        }
        SourceLayout layout = SourceLayout.of(file);
        if (layout.module() == null || !layout.binds("op") || !layout.startsLine(stmt.start())) {
            return null;
        }
        String line = "op.execute(\"" + sql + "\")" + layout.eol() + layout.indentationAt(stmt.start());
        return Fix.of(title, Applicability.UNSAFE, List.of(TextEdit.insert(file.path(), stmt.start(), line)));
    }

    /**
     * {@code fix} with {@code drop} (a fix of {@link #before}) run ahead of it, titled {@code title} and UNSAFE; an
     * edit of {@code fix} that starts where the drop's line goes (a guard wrapping the statement) gets the line in
     * front of its replacement. Null when the edits collide otherwise.
     */
    public static Fix ahead(Fix fix, Fix drop, String title) {
        TextEdit line = drop.edits().get(0);
        List<TextEdit> edits = new ArrayList<>();
        boolean merged = false;
        for (TextEdit e : fix.edits()) {
            if (!merged && e.file().equals(line.file()) && e.range().start() == line.range().start()) {
                edits.add(TextEdit.replace(e.file(), e.range(), line.replacement() + e.replacement()));
                merged = true;
            } else {
                edits.add(e);
            }
        }
        Fix inner = new Fix(fix.title(), fix.applicability(), List.copyOf(edits), fix.files());
        return merged ? inner.joinedWith(Fix.of(title, Applicability.UNSAFE, List.of()), title)
                : inner.joinedWith(drop, title);
    }
}
