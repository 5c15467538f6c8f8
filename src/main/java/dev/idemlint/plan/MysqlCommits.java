package dev.idemlint.plan;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a revision that fails on MySQL or MariaDB leaves applied: there DDL is not transactional. */
final class MysqlCommits {
    private MysqlCommits() {
    }

    /** Statements that change no data or schema: nothing of theirs is left applied. */
    private static final Pattern READS = Pattern.compile("(?i)select|set|show");

    /**
     * The lines of the statements that ran before {@code failing} and stay applied when it fails on MySQL
     * or MariaDB: each DDL statement commits on its own, and the implicit commit before a DDL statement
     * takes the data written before it; a failing DDL statement leaves everything before it, a failing
     * data statement what the last DDL before it committed (Alembic rolls back the rest).
     */
    static List<Integer> committed(Migration m, List<Operation> ops, List<Integer> ran, Operation failing) {
        int upTo = ran.size();
        if (dataOnly(failing)) {
            upTo = 0;
            for (int i = 0; i < ran.size(); i++) {
                if (!dataOnly(ops.get(ran.get(i)))) {
                    upTo = i + 1;
                }
            }
        }
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < upTo; i++) {
            Operation op = ops.get(ran.get(i));
            if (!(op instanceof Operation.Benign b && b.what() != null && READS.matcher(b.what().strip()).matches())) {
                lines.add(m.source().lines().line(op.site().span().start()));
            }
        }
        return lines;
    }

    /** An INSERT, UPDATE or DELETE: data only, inside Alembic's transaction until a DDL statement commits it. */
    private static boolean dataOnly(Operation op) {
        return op instanceof Operation.Insert || op instanceof Operation.Benign b && b.column() == null
                && b.what() != null && b.what().strip().matches("(?i)update|delete|insert|replace");
    }

    /** "line 14 (`op.add_column("players", sa.Column(...`)", for each committed statement. */
    static String describeLines(Migration m, List<Operation> ops, List<Integer> lines) {
        List<String> out = new ArrayList<>();
        for (int line : lines) {
            String code = null;
            for (Operation op : ops) {
                if (m.source().lines().line(op.site().span().start()) == line) {
                    code = m.source().slice(op.site().span()).strip();
                    break;
                }
            }
            if (code == null) {
                out.add("line " + line);
                continue;
            }
            int nl = code.indexOf('\n');
            code = nl < 0 ? code : code.substring(0, nl).strip() + " ...";
            out.add("line " + line + " (`" + (code.length() > 70 ? code.substring(0, 67) + "..." : code) + "`)");
        }
        return String.join(", ", out);
    }
}
