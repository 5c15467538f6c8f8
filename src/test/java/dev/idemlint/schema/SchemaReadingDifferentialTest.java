package dev.idemlint.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.SchemaRef;
import dev.idemlint.migration.SqlText;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonCorpus;
import dev.idemlint.source.SourceFile;
import dev.idemlint.sql.QualifiedNames;
import dev.idemlint.sql.SqlClassifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Holds the schemas {@link OpSite#targets()} records to the two readings they replace, over every Python
 * file of the test resources, examples/ and the real projects' migrations when extracted: the timeline's
 * ({@code schemaOf}: a call's {@code schema=}, a text search for the qualifier in raw SQL) and the plan's
 * ({@code findSchema}: a regex over the file from the last {@code batch_alter_table(}). Each difference is
 * a bug of the old reading, listed by kind in {@link #KNOWN}.
 */
class SchemaReadingDifferentialTest {
    private static final String UNKNOWN = "?";

    @Test
    void records_the_schemas_both_old_readings_found() throws Exception {
        List<Path> files = PythonCorpus.all();
        if (Files.isDirectory(Path.of("examples"))) {
            files.addAll(PythonCorpus.under(Path.of("examples")));
        }
        TreeMap<String, List<String>> mismatches = new TreeMap<>();
        int compared = 0;
        for (Path p : files) {
            Migration m;
            SourceFile f;
            try {
                f = SourceFile.of(p, p.toString(), Files.readString(p));
                m = new MigrationReader().read(new PythonParser().parse(f));
            } catch (Exception | StackOverflowError e) {
                continue;
            }
            for (Operation op : operations(m)) {
                for (String name : names(op)) {
                    compared++;
                    String timeline = oldTimeline(op, name);
                    String now = newTimeline(op, name);
                    if (!java.util.Objects.equals(timeline, now)) {
                        mismatches.computeIfAbsent("timeline " + kind(op, timeline, now), k -> new ArrayList<>())
                                .add(p + ": " + op.getClass().getSimpleName() + " " + name + " old=" + timeline + " new=" + now);
                    }
                    String plan = oldPlan(op, name, f.text());
                    String planNow = newPlan(op, name);
                    if (!java.util.Objects.equals(plan, planNow)) {
                        mismatches.computeIfAbsent("plan " + kind(op, plan, planNow), k -> new ArrayList<>())
                                .add(p + ": " + op.getClass().getSimpleName() + " " + name + " old=" + plan + " new=" + planNow);
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder();
        mismatches.forEach((k, v) -> report.append(k).append(" (").append(v.size()).append("):\n    ")
                .append(String.join("\n    ", v.subList(0, Math.min(5, v.size())))).append('\n'));
        System.out.println("compared " + compared + " names; differences:\n" + report);
        assertTrue(compared > 1000, "compared " + compared);
        Set<String> unexplained = new LinkedHashSet<>(mismatches.keySet());
        unexplained.removeAll(KNOWN);
        assertEquals(Set.of(), unexplained, report.toString());
    }

    /**
     * Differences that are bugs of the old readings, by kind. The timeline filed a batch op under the search
     * path's table whatever its batch's {@code schema=} (fixture object-created-twice/batch_in_another_schema).
     * The plan read {@code schema=} of {@code create_foreign_key}, which names its table's schema
     * {@code source_schema=}; left out a DDL element's {@code schema=} ({@code CreateSequence(Sequence("s",
     * schema="api"))}); and took an unread qualifier ({@code f"DROP TABLE {schema}.t"}) for the search path's.
     */
    private static final Set<String> KNOWN = Set.of("timeline BATCH_OP searched->named",
            "plan OP_CALL create_foreign_key searched->named", "plan DDL_ELEMENT searched->named",
            "plan RAW_SQL searched->unknown");

    private static String kind(Operation op, String old, String now) {
        Expr.Call call = op.site().origin() == Origin.OP_CALL ? op.site().call() : null;
        String function = call != null && call.func() instanceof Expr.Attribute a ? " " + a.attr() : "";
        return op.site().origin() + function + " "
                + (old == null ? "searched" : old.equals(UNKNOWN) ? "unknown" : "named")
                + "->" + (now == null ? "searched" : now.equals(UNKNOWN) ? "unknown" : "named");
    }

    private static List<Operation> operations(Migration m) {
        List<Operation> ops = new ArrayList<>();
        SqlClassifier sql = new SqlClassifier();
        for (Operation o : m.operations()) {
            if (o instanceof Operation.RawSql raw) {
                ops.addAll(sql.classify(raw));
            } else {
                ops.add(o);
            }
        }
        return ops;
    }

    /** The names an operation holds: every String component of its record. */
    private static Set<String> names(Operation op) throws ReflectiveOperationException {
        Set<String> out = new LinkedHashSet<>();
        for (RecordComponent c : op.getClass().getRecordComponents()) {
            if (c.getType() == String.class) {
                Object v = c.getAccessor().invoke(op);
                if (v != null && !((String) v).isEmpty() && ((String) v).length() < 200) {
                    out.add((String) v);
                }
            }
        }
        return out;
    }

    private static String newTimeline(Operation op, String name) {
        SchemaRef s = op.site().targets().of(name);
        return s.dynamic() ? UNKNOWN
                : s.schema() == null ? null : QualifiedName.searched(s.schema().toLowerCase(Locale.ROOT));
    }

    private static String newPlan(Operation op, String name) {
        SchemaRef s = op.site().targets().of(op.site().origin() == Origin.RAW_SQL ? name : null);
        return s.dynamic() ? UNKNOWN : s.schema();
    }

    // ---- the timeline's reading (SchemaTimeline.schemaOf, qualifierBefore) ----

    static String oldTimeline(Operation op, String target) {
        OpSite site = op.site();
        if (site.origin() == Origin.RAW_SQL) {
            return site.sql() == null || site.sqlStart() < 0 || target == null ? null
                    : QualifiedName.searched(qualifierBefore(site.sqlStatement(), target));
        }
        Expr.Call call = site.call();
        if (site.origin() == Origin.DDL_ELEMENT) {
            call = call != null && call.positional(0) instanceof Expr.Call ddl
                    && ddl.positional(0) instanceof Expr.Call element ? element : null;
        }
        boolean foreignKey = call != null && (call.func() instanceof Expr.Attribute a
                ? a.attr().equals("create_foreign_key")
                : call.func() instanceof Expr.Name n && n.id().equals("create_foreign_key"));
        Arg arg = call == null ? null : call.keyword(foreignKey ? "source_schema" : "schema");
        if (arg == null) {
            return null;
        }
        if (arg.value() instanceof Expr.Str str && str.isConstant()) {
            return QualifiedName.searched(str.constantText().toLowerCase(Locale.ROOT));
        }
        return arg.value() instanceof Expr.Const k && k.text().equals("None") ? null : UNKNOWN;
    }

    static String qualifierBefore(String sql, String target) {
        if (target.isEmpty()) {
            return null;
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        String t = target.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
            int end = at + t.length();
            int start = at;
            if (start > 0 && lower.charAt(start - 1) == '"') {
                start--;
                if (end >= lower.length() || lower.charAt(end) != '"') {
                    continue;
                }
                end++;
            }
            if (end < lower.length() && identifierPart(lower.charAt(end))
                    || start > 0 && identifierPart(lower.charAt(start - 1))) {
                continue;
            }
            int dot = start - 1;
            while (dot >= 0 && Character.isWhitespace(lower.charAt(dot))) {
                dot--;
            }
            if (dot < 0 || lower.charAt(dot) != '.') {
                continue;
            }
            int q = dot - 1;
            while (q >= 0 && Character.isWhitespace(lower.charAt(q))) {
                q--;
            }
            if (q < 0) {
                continue;
            }
            if (lower.charAt(q) == SqlText.DYNAMIC) {
                return UNKNOWN;
            }
            if (lower.charAt(q) == '"') {
                int open = lower.lastIndexOf('"', q - 1);
                if (open >= 0) {
                    return lower.substring(open + 1, q);
                }
                continue;
            }
            int b = q;
            while (b >= 0 && identifierPart(lower.charAt(b))) {
                b--;
            }
            if (b < q) {
                return lower.substring(b + 1, q + 1);
            }
        }
        return null;
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    // ---- the plan's reading (Placement.findSchema) ----

    private static final Pattern BATCH_SCHEMA = Pattern.compile(
            "\\bschema\\s*=\\s*(?:[rRuU]?[\"']([^\"']*)[\"']|(\\w[\\w.]*))");

    static String oldPlan(Operation op, String objectName, String text) {
        if (op.site().origin() == Origin.RAW_SQL) {
            String sql = op.site().sqlStatement();
            return sql == null || objectName == null ? null : QualifiedNames.qualifierOf(sql, objectName);
        }
        if (op.site().origin() == Origin.BATCH_OP) {
            int at = text.lastIndexOf("batch_alter_table(", op.site().span().start());
            if (at < 0) {
                return UNKNOWN;
            }
            int depth = 0;
            int end = at + "batch_alter_table".length();
            for (; end < text.length(); end++) {
                char c = text.charAt(end);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            Matcher b = BATCH_SCHEMA.matcher(text.substring(at, Math.min(end + 1, text.length())));
            if (!b.find()) {
                return null;
            }
            return b.group(1) != null ? b.group(1) : b.group(2).equals("None") ? null : UNKNOWN;
        }
        Expr.Call call = op.site().call();
        if (call == null) {
            return null;
        }
        Arg arg = call.keyword("schema");
        if (arg == null) {
            return null;
        }
        if (arg.value() instanceof Expr.Str s && s.isConstant()) {
            return s.constantText();
        }
        if (arg.value() instanceof Expr.Name n && n.id().equals("None")) {
            return null;
        }
        return UNKNOWN;
    }
}
