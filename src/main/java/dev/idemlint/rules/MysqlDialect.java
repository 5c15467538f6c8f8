package dev.idemlint.rules;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.GuardKind;
import dev.idemlint.migration.MysqlFacts;
import dev.idemlint.migration.MysqlFacts.MysqlError;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * How the re-run rules speak on a MySQL or MariaDB project: the error number and name a re-run raises
 * ({@link MysqlFacts}), why the statement runs again (each DDL statement commits on its own), and raw
 * SQL fixes in the dialect: MariaDB's {@code IF [NOT] EXISTS} clauses where it has them, nothing in SQL on
 * MySQL 8.0, which has none for columns, indexes or constraints (the op-call fixes guard with
 * {@code sa.inspect(op.get_bind())} instead, see {@link Settings#columnIfExistsSupported()}).
 */
public final class MysqlDialect {
    private MysqlDialect() {
    }

    /** Whether the project runs on MySQL or MariaDB. */
    public static boolean applies(Settings s) {
        return s.dialect().mysqlFamily();
    }

    /**
     * A try/except around the statement that lets {@code error} past: MySQL aborts no transaction on an
     * error, so a caught duplicate lets the revision go on and the re-run does not fail. Only when a handler
     * catches the class the driver raises it as ({@link MysqlError#driverClass()}; {@code IntegrityError}
     * catches no 1061) and does not re-raise or exit ({@code sys.exit(1)} fails the upgrade all the same).
     */
    public static boolean tolerated(OpSite site, MysqlError error) {
        return site.guard() != null && site.guard().kind() == GuardKind.TRY_EXCEPT
                && site.guard().catches(error.driverClass());
    }

    /** "Re-running this revision fails with error 1060 ER_DUP_FIELDNAME because column "c" of "t" already exists." */
    public static String alreadyExists(MysqlError error, String what, String note) {
        return "Re-running this revision fails with error " + error.label() + " because " + what + " already exists"
                + note + ".";
    }

    /** The duplicate's error for {@code kind} on the project's server. */
    public static MysqlError duplicate(Settings s, ObjectKind kind) {
        MysqlFacts.Row row = MysqlFacts.of(s.dialect(), kind);
        return row == null ? MysqlFacts.TABLE_EXISTS : row.duplicate();
    }

    /** The start of the help: why the statement runs again on MySQL/MariaDB. */
    public static String why() {
        return "MySQL and MariaDB commit each DDL statement on its own: when a later statement of the revision"
                + " fails, this one stays applied and the next upgrade runs it again. ";
    }

    /** "MariaDB" or "MySQL", for prose. */
    public static String server(Settings s) {
        return s.dialect().isMariaDb() ? "MariaDB" : "MySQL";
    }

    /** Whether the server takes {@code IF NOT EXISTS} on the create of {@code kind}. */
    public static boolean ifNotExists(Settings s, ObjectKind kind) {
        MysqlFacts.Row row = MysqlFacts.of(s.dialect(), kind);
        return row != null && row.ifNotExists();
    }

    /** The help for a raw SQL statement: the clause when the server has it, else the inspector guard. */
    public static String rawSqlHelp(Settings s, ObjectKind kind, String clause, String inspectorCheck) {
        return ifNotExists(s, kind) ? "Write `" + clause + "`."
                : server(s) + " has no `" + clause + "`: run the statement under `if " + inspectorCheck + ":`.";
    }

    /**
     * MariaDB's {@code IF NOT EXISTS} written into a raw {@code ALTER TABLE} action: after {@code ADD
     * [COLUMN]}, {@code ADD INDEX|KEY}, {@code ADD UNIQUE [KEY|INDEX]}, {@code ADD PRIMARY KEY}, {@code
     * ADD CONSTRAINT c CHECK}, {@code ADD [CONSTRAINT c] FOREIGN KEY}; and after {@code CREATE INDEX}.
     * Empty on MySQL 8.0, and for {@code ADD CONSTRAINT uq UNIQUE (a)}, which MariaDB cannot guard in
     * place (it rejects {@code ADD CONSTRAINT IF NOT EXISTS uq UNIQUE}).
     */
    public static List<Fix> rawSqlFixes(Operation op, SourceFile file, Settings s) {
        List<Fix> out = new ArrayList<>();
        SqlRewriter r = op.site().origin() == Origin.RAW_SQL && s.dialect().isMariaDb()
                ? SqlRewriter.of(op.site(), file) : null;
        if (r == null) {
            return out;
        }
        int at = -1;
        if (op instanceof Operation.AddColumn add) {
            at = r.alterTableAction("ADD", "COLUMN", false, add.column().name());
        } else if (op instanceof Operation.CreateIndex ix) {
            if (r.at(0, "CREATE")) {
                return CreateFixes.of(op.site(), file, "INDEX", false);
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
            out.add(r.insertAfter(at, r.cased("IF NOT EXISTS"), "Add `IF NOT EXISTS` (MariaDB)"));
        }
        return out;
    }

    /** The {@code KEY}/{@code INDEX} token right after the first top-level {@code word}, or -1. */
    private static int keyAfter(SqlRewriter r, String word) {
        int w = r.findTopLevel(word);
        return w >= 0 && (r.at(w + 1, "KEY") || r.at(w + 1, "INDEX")) ? w + 1 : -1;
    }

    /** What a re-run of a drop of {@code kind} raises on the project's server: "error 1091 ER_CANT_DROP_FIELD_OR_KEY". */
    public static String dropMissing(Settings s, ObjectKind kind) {
        MysqlFacts.Row row = MysqlFacts.of(s.dialect(), kind);
        return "error " + (row == null ? MysqlFacts.BAD_TABLE : row.dropMissing()).label();
    }

    /** What a re-run of a rename of {@code kind} raises: the missing old name (a table's 1146, a column's 1054). */
    public static String renameMissing(Settings s, ObjectKind kind) {
        MysqlFacts.Row row = MysqlFacts.of(s.dialect(), kind);
        return "error " + (row == null || row.renameMissing() == null ? MysqlFacts.NO_SUCH_TABLE : row.renameMissing())
                .label();
    }

    /**
     * The fixes of {@code fixes} that run on the project's server, most preferred first: a PostgreSQL
     * construct (a DO block, ON CONFLICT, SQLAlchemy's postgresql dialect, CREATE TYPE) never; a raw
     * {@code IF [NOT] EXISTS} or {@code OR REPLACE} only where the facts table says the server takes it for
     * {@code kind}; an op call rewritten into raw SQL never (that SQL is written in PostgreSQL's grammar:
     * {@code DROP INDEX ix} without {@code ON t}). Python inspector guards are the same on every server.
     */
    public static List<Fix> portable(List<Fix> fixes, Settings s, ObjectKind kind) {
        MysqlFacts.Row row = MysqlFacts.of(s.dialect(), kind);
        List<Fix> out = new ArrayList<>();
        for (Fix f : fixes) {
            String text = String.join("\n", f.edits().stream().map(e -> e.replacement()).toList());
            String upper = text.toUpperCase(java.util.Locale.ROOT);
            boolean postgres = text.contains("$$") || upper.contains("ON CONFLICT") || upper.contains("ON_CONFLICT")
                    || text.contains("postgresql.") || upper.contains("CREATE TYPE")
                    || f.title().contains("through `op.execute`");
            boolean clauses = (!upper.contains("IF EXISTS") || row != null && row.dropIfExists())
                    && (!upper.contains("IF NOT EXISTS") || row != null && row.ifNotExists())
                    && (!upper.contains("OR REPLACE") || row != null && row.orReplace());
            if (!postgres && clauses) {
                out.add(f);
            }
        }
        return out;
    }

    /** The help's end when {@link #portable} withheld every fix. */
    public static String noFix(Settings s) {
        return " No fix is offered on " + server(s) + ": the ones idemlint writes for PostgreSQL do not run there.";
    }
}
