package dev.idemlint.sql;

import dev.idemlint.migration.ColumnDef;
import dev.idemlint.migration.Guard;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.Origin;
import dev.idemlint.migration.Phase;
import dev.idemlint.migration.RowSource;
import dev.idemlint.migration.SqlText;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Raw SQL operations as the migration stage would hand them over: the SQL sits at {@link #BASE} in
 * a fake file; {@code {?}} in the source stands for a dynamic part ({@code \u0000}, offset -1).
 */
final class SqlFixture {
    static final int BASE = 100;
    static final String DYNAMIC = "{?}";

    private SqlFixture() {
    }

    /** The fake file: padding, then the source as written. */
    static String file(String source) {
        return " ".repeat(BASE) + source;
    }

    static Operation.RawSql raw(String source) {
        return raw(source, null);
    }

    static Operation.RawSql raw(String source, Guard guard) {
        StringBuilder text = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith(DYNAMIC, i)) {
                text.append(SqlText.DYNAMIC);
                offsets.add(-1);
                i += DYNAMIC.length();
            } else {
                text.append(source.charAt(i));
                offsets.add(BASE + i);
                i++;
            }
        }
        offsets.add(BASE + source.length());
        Span expr = new Span(BASE, BASE + source.length());
        SqlText sql = new SqlText(text.toString(), offsets.stream().mapToInt(Integer::intValue).toArray(),
                source.contains(DYNAMIC), expr);
        OpSite site = new OpSite(Origin.RAW_SQL, Phase.UPGRADE, expr, null, null, sql, -1, -1, guard, false, false, false, false,
                null);
        return new Operation.RawSql(site);
    }

    static List<Operation> classify(String source) {
        return new SqlClassifier().classify(raw(source));
    }

    static String summary(String source) {
        return classify(source).stream().map(SqlFixture::render).collect(Collectors.joining(" | "));
    }

    /** A compact, stable rendering of an operation for table tests. */
    static String render(Operation op) {
        String s;
        if (op instanceof Operation.AddColumn a) {
            s = "AddColumn " + n(a.table()) + "." + column(a.column()) + flag(a.ifNotExists(), " ine");
        } else if (op instanceof Operation.CreateTable t) {
            s = "CreateTable " + n(t.table()) + "("
                    + t.columns().stream().map(SqlFixture::column).collect(Collectors.joining(", ")) + ")"
                    + flag(t.ifNotExists(), " ine") + (t.like() == null ? "" : " like " + t.like()
                            + (t.likeIncludes() == null ? " including?" : t.likeIncludes().isEmpty() ? ""
                                    : " including " + String.join(",", new java.util.TreeSet<>(t.likeIncludes()))))
                    + (t.constraints().isEmpty() ? "" : " constraints=" + t.constraints().stream()
                            .map(k -> k.kind() + ":" + k.name()).collect(Collectors.joining(",")));
        } else if (op instanceof Operation.CreateIndex x) {
            s = "CreateIndex " + n(x.name()) + " on " + n(x.table()) + flag(x.unique(), " unique")
                    + flag(x.ifNotExists(), " ine") + flag(x.concurrently(), " concurrently");
        } else if (op instanceof Operation.AddConstraint k) {
            s = "AddConstraint " + k.kind() + " " + n(k.name()) + " on " + n(k.table()) + flag(k.ifNotExists(), " ine");
        } else if (op instanceof Operation.CreateEnumType e) {
            s = "CreateEnumType " + n(e.name()) + e.labels() + flag(e.ifNotExists(), " ine");
        } else if (op instanceof Operation.CreateObject o) {
            s = "CreateObject " + o.kind() + " " + n(o.name()) + (o.table() == null ? "" : " on " + o.table())
                    + flag(o.ifNotExists(), " ine") + flag(o.orReplace(), " orReplace");
        } else if (op instanceof Operation.Drop d) {
            s = "Drop " + d.kind() + " " + n(d.name()) + (d.table() == null ? "" : " on " + d.table())
                    + flag(d.ifExists(), " ie") + flag(d.primaryKeyClause(), " primaryKey");
        } else if (op instanceof Operation.Rename r) {
            s = "Rename " + r.kind() + " " + (r.table() == null ? "" : r.table() + ":") + n(r.from()) + "->"
                    + n(r.to());
        } else if (op instanceof Operation.Insert in) {
            s = "Insert " + n(in.table()) + flag(in.onConflict(), " onConflict")
                    + flag(in.guardedSelect(), " guardedSelect")
                    + (in.source().kind() == RowSource.Kind.AS_WRITTEN ? "" : " " + in.source().kind()
                            + (in.source().tables().isEmpty() ? "" : "(" + String.join(",", in.source().tables()) + ")"));
        } else if (op instanceof Operation.AlterTypeAddValue v) {
            s = "AddValue " + n(v.type()) + " '" + n(v.label()) + "'" + flag(v.ifNotExists(), " ine");
        } else if (op instanceof Operation.Benign b) {
            s = "Benign(" + b.what() + (b.removesRows() ? " " + b.table() : "") + ")";
        } else if (op instanceof Operation.Unknown u) {
            s = "Unknown(" + u.what() + ")";
        } else {
            s = op.toString();
        }
        Guard g = op.site().guard();
        if (g != null) {
            s += " [" + g.kind() + (g.conditions().isEmpty() ? "" : ":" + String.join(",", new java.util.TreeSet<>(
                    g.conditions()))) + "]";
        }
        return s;
    }

    private static String column(ColumnDef c) {
        return n(c.name()) + ":" + n(c.typeText()) + flag(c.unique(), "+unique") + flag(c.primaryKey(), "+pk")
                + flag(c.foreignKey(), "+fk") + (c.foreignKeyName() == null ? "" : "=" + c.foreignKeyName());
    }

    private static String n(String s) {
        return s == null ? "?" : s;
    }

    private static String flag(boolean b, String text) {
        return b ? text : "";
    }
}
