package dev.idemlint.rules.fix;

import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fixes and remedies in the server's own SQL, chosen by what its {@link ServerFacts} accept: the {@code IF
 * [NOT] EXISTS} clauses it takes for a kind, and which of the fixes written for PostgreSQL run on it at all.
 */
public final class DialectFixes {
    private DialectFixes() {
    }

    /** The help for a raw SQL statement: the clause when the server has it, else the inspector guard. */
    public static String rawSqlHelp(ServerFacts facts, ObjectKind kind, String clause, String inspectorCheck) {
        return facts.ifNotExists(kind) ? "Write `" + clause + "`."
                : facts.server() + " has no `" + clause + "`: run the statement under `if " + inspectorCheck + ":`.";
    }

    /**
     * The server's {@code IF NOT EXISTS} (PostgreSQL's, MariaDB's) written into a raw {@code ALTER TABLE} action:
     * after {@code ADD [COLUMN]}, {@code ADD INDEX|KEY}, {@code ADD UNIQUE [KEY|INDEX]}, {@code ADD PRIMARY KEY},
     * {@code ADD CONSTRAINT c CHECK}, {@code ADD [CONSTRAINT c] FOREIGN KEY}; and after {@code CREATE [UNIQUE] INDEX
     * [CONCURRENTLY]}.
     * Empty where the server has no such clause for the kind (MySQL 8.0), and for {@code ADD CONSTRAINT uq UNIQUE (a)}, which MariaDB cannot guard in
     * place (it rejects {@code ADD CONSTRAINT IF NOT EXISTS uq UNIQUE}).
     */
    public static List<Fix> rawSqlFixes(Operation op, SourceFile file, ServerFacts facts) {
        List<Fix> out = new ArrayList<>();
        ObjectKind kind = op instanceof Operation.AddColumn ? ObjectKind.COLUMN
                : op instanceof Operation.CreateIndex ? ObjectKind.INDEX : ObjectKind.CONSTRAINT;
        SqlRewriter r = op.site().origin() == Origin.RAW_SQL && facts.ifNotExists(kind)
                ? SqlRewriter.of(op.site(), file) : null;
        if (r == null) {
            return out;
        }
        int at = -1;
        if (op instanceof Operation.AddColumn add) {
            at = r.alterTableAction("ADD", "COLUMN", false, add.column().name());
        } else if (op instanceof Operation.CreateIndex ix) {
            if (r.at(0, "CREATE")) {
                return CreateFixes.of(op.site(), file, "INDEX", true);
            }
            at = r.alterTableAction("ADD", "INDEX", true, ix.name());
            at = at >= 0 ? at : r.alterTableAction("ADD", "KEY", true, ix.name());
        } else if (op instanceof Operation.AddConstraint c) {
            at = switch (c.kind()) {
                case CHECK -> r.alterTableAction("ADD", "CONSTRAINT", true, c.name());
                case FOREIGN_KEY, PRIMARY_KEY -> keyAfter(r, c.kind() == ConstraintKind.FOREIGN_KEY ? "FOREIGN" : "PRIMARY");
                case UNIQUE -> keyAfter(r, "UNIQUE");
                default -> -1;
            };
        }
        if (at >= 0 && !r.at(at + 1, "IF")) {
            out.add(r.insertAfter(at, r.cased("IF NOT EXISTS"), "Add `IF NOT EXISTS`"));
        }
        return out;
    }

    /** Whether the raw SQL statement at {@code site} is an {@code ALTER TABLE} (its action adds the object). */
    public static boolean alterTable(OpSite site, SourceFile file) {
        SqlRewriter r = SqlRewriter.of(site, file);
        return r != null && r.at(0, "ALTER");
    }

    /** The {@code KEY}/{@code INDEX} token right after the first top-level {@code word}, or -1. */
    private static int keyAfter(SqlRewriter r, String word) {
        int w = r.findTopLevel(word);
        return w >= 0 && (r.at(w + 1, "KEY") || r.at(w + 1, "INDEX")) ? w + 1 : -1;
    }

    /**
     * The fixes of {@code fixes} that run on the project's server, most preferred first: a DO block, ON CONFLICT,
     * SQLAlchemy's postgresql dialect or CREATE TYPE only where the server has them; a raw {@code IF [NOT] EXISTS}
     * or {@code OR REPLACE} only where the facts table says the server takes it for {@code kind}; an op call
     * rewritten into raw SQL only where the server reads its double-quoted names and, for an index, finds one by
     * its name alone ({@code DROP INDEX ix} without {@code ON t}). Python inspector guards run on every server.
     * On PostgreSQL, every fix written for it.
     */
    public static List<Fix> portable(List<Fix> fixes, ServerFacts facts, ObjectKind kind) {
        List<Fix> out = new ArrayList<>();
        for (Fix f : fixes) {
            String text = String.join("\n", f.edits().stream().map(e -> e.replacement()).toList());
            String upper = text.toUpperCase(Locale.ROOT);
            boolean constructs = (!text.contains("$$") || facts.doBlocks())
                    && (!upper.contains("ON CONFLICT") && !upper.contains("ON_CONFLICT") || facts.onConflict())
                    // SQLAlchemy's postgresql dialect: its ENUM (a named type) and its insert (ON CONFLICT)
                    && (!text.contains("postgresql.") || facts.namedTypes() && facts.onConflict())
                    && (!upper.contains("CREATE TYPE") || facts.namedTypes())
                    // SQL written for an op call: double-quoted names, DROP INDEX ix without ON t
                    && (!f.title().contains("through `op.execute`") || facts.doubleQuotesNames()
                            && (kind != ObjectKind.INDEX || facts.indexNamesPerSchema()));
            boolean clauses = (!upper.contains("IF EXISTS") || facts.dropIfExists(kind))
                    && (!upper.contains("IF NOT EXISTS") || facts.ifNotExists(kind))
                    && (!upper.contains("OR REPLACE") || facts.orReplace(kind));
            if (constructs && clauses) {
                out.add(f);
            }
        }
        return out;
    }

    /** The help's end when {@link #portable} withheld every fix. */
    public static String noFix(ServerFacts facts) {
        return " No fix is offered on " + facts.server() + ": the ones idemlint writes for PostgreSQL do not run there.";
    }
}
