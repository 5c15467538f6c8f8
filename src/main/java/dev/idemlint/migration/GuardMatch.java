package dev.idemlint.migration;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an operation's guard protects that operation: the right branch (see
 * {@link Guard#polarity()}) of a check on the same object. {@code if not column_exists("accounts",
 * "owner_id")} does not protect {@code add_column("ledgers", ...)}; a check that names nothing readable
 * is trusted, so the analyzer never invents a finding it cannot back.
 */
public final class GuardMatch {
    private GuardMatch() {
    }

    /** A guard keeps this creating operation from running while its object exists. */
    public static boolean createGuarded(Operation op) {
        Guard g = op.site().guard();
        return g != null && g.protectsCreate();
    }

    /** A guard keeps this dropping/renaming operation from running once its object is gone. */
    public static boolean dropGuarded(Operation op) {
        Guard g = op.site().guard();
        return g != null && g.protectsDrop();
    }

    /**
     * A check protects its whole branch when the branch itself makes the check come out the other way
     * on a re-run: {@code if not has_table("t"): create_table("t"); create_index(..., "t")}. A check
     * on an object the branch never touches ({@code if not column_exists("accounts", "owner_id"):
     * add_column("ledgers", ...)}) protects nothing: its operations get a {@link GuardKind#WRONG_OBJECT}
     * guard. Operations under one check share one Guard instance.
     */
    public static List<Operation> resolve(List<Operation> ops) {
        return resolve(ops, null);
    }

    /**
     * As {@link #resolve(List)}; a check naming a constraint or index by the name {@code naming}'s convention
     * gives it ({@code ck_t_positive} for {@code create_check_constraint("positive", "t", ...)}) checks that
     * object. {@code naming} is read only when such a check does not name the object as written; null: never.
     */
    public static List<Operation> resolve(List<Operation> ops, java.util.function.Supplier<NamingConvention> naming) {
        Map<Guard, List<Integer>> groups = new IdentityHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Guard g = ops.get(i).site().guard();
            if (g != null && !g.subjects().isEmpty()) {
                List<Integer> members = groups.get(g);
                if (members == null) {
                    members = new ArrayList<>();
                    groups.put(g, members);
                }
                members.add(i);
            }
        }
        if (groups.isEmpty()) {
            return ops;
        }
        List<Operation> out = new ArrayList<>(ops);
        for (Map.Entry<Guard, List<Integer>> group : groups.entrySet()) {
            Guard g = group.getKey();
            List<Integer> members = group.getValue();
            boolean effective = false;
            for (int i : members) {
                if (touches(g, ops.get(i)) || naming != null && touchesByConvention(g, ops.get(i), naming)) {
                    effective = true;
                    break;
                }
            }
            if (!effective) {
                Guard wrong = new Guard(GuardKind.WRONG_OBJECT, g.span(), g.description()
                        + " (checks another object)", g.conditions(), g.polarity(), g.subjects(), g.tableLevel());
                for (int i : members) {
                    Operation op = ops.get(i);
                    out.set(i, op.withSite(op.site().withGuard(wrong)));
                }
            }
        }
        return out;
    }

    /** A check on the name the project's naming convention gives the constraint or index the op creates. */
    private static boolean touchesByConvention(Guard g, Operation op, java.util.function.Supplier<NamingConvention> naming) {
        ConstraintNames.Name n;
        String table;
        if (op instanceof Operation.AddConstraint c) {
            n = ConstraintNames.of(op, naming.get());
            table = c.table();
        } else if (op instanceof Operation.CreateIndex ix) {
            n = ConstraintNames.of(op, naming.get());
            table = ix.table();
        } else if (op instanceof Operation.Drop d && d.kind() == ObjectKind.CONSTRAINT) {
            n = ConstraintNames.ofDrop(op, naming.get());
            table = d.table();
        } else {
            return false;
        }
        if (!(n instanceof ConstraintNames.Name.Given given)) {
            return false;
        }
        return inTable(g, given.name(), table);
    }

    /** The literal {@code schema=} of an op call, lower-cased, or null. */
    private static String schemaOf(Operation op) {
        if (op.site().origin() != Origin.OP_CALL || op.site().call() == null) {
            return null;
        }
        dev.idemlint.python.Arg arg = op.site().call().keyword("schema");
        if (arg == null || !(arg.value() instanceof dev.idemlint.python.Expr.Str str) || !str.isConstant()) {
            return null;
        }
        return str.constantText().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean touches(Guard g, Operation op) {
        if (op instanceof Operation.Benign || op instanceof Operation.Unknown || op instanceof Operation.RawSql) {
            return false;
        }
        return covers(g, op);
    }

    static boolean covers(Guard g, Operation op) {
        if (g.subjects().isEmpty()) {
            return true;
        }
        // create_table("x", schema="billing") under has_table("x") checks public.x, not billing.x.
        String schema = schemaOf(op);
        if (schema != null && !schema.equals("public") && !g.names(schema)) {
            return false;
        }
        if (op instanceof Operation.AddColumn a) {
            return inTable(g, a.column().name(), a.table());
        } else if (op instanceof Operation.CreateTable t) {
            return g.mentions(t.table());
        } else if (op instanceof Operation.CreateIndex i) {
            return i.name() == null ? g.mentions(i.table()) : namedInTable(g, i.name(), i.table());
        } else if (op instanceof Operation.AddConstraint c) {
            // A table has one primary key: a check on the table's primary key is the right check.
            boolean byTable = c.name() == null || c.kind() == ConstraintKind.PRIMARY_KEY;
            return byTable ? g.mentions(c.table()) : namedInTable(g, c.name(), c.table());
        } else if (op instanceof Operation.CreateEnumType e) {
            return g.mentions(e.name());
        } else if (op instanceof Operation.CreateObject o) {
            return o.table() == null ? g.mentions(o.name()) : inTable(g, o.name(), o.table());
        } else if (op instanceof Operation.AlterTypeAddValue v) {
            return g.mentions(v.type()) || g.names(v.label());
        } else if (op instanceof Operation.Insert i) {
            return g.mentions(i.table());
        } else if (op instanceof Operation.Drop d) {
            return d.table() == null ? g.mentions(d.name()) : inTable(g, d.name(), d.table());
        } else if (op instanceof Operation.Rename r) {
            if (r.table() == null) {
                return g.mentions(r.from()) || g.names(r.to());
            }
            return inTable(g, r.from(), r.table()) || inTable(g, r.to(), r.table());
        }
        return true;
    }

    /**
     * An object of a table: a whole-table check on its table covers it; otherwise the check must name
     * the object and either its table or no other relation (the table may come from a variable).
     */
    private static boolean inTable(Guard g, String name, String table) {
        if (name == null || table == null) {
            return g.mentions(name) && g.mentions(table);
        }
        if (g.tableLevel()) {
            return g.names(table);
        }
        if (!g.names(name)) {
            return false;
        }
        if (g.names(table)) {
            return true;
        }
        String own = name.toLowerCase(java.util.Locale.ROOT);
        for (String s : g.subjects()) {
            if (!s.equals(own) && !GENERIC.contains(s) && !s.startsWith("pg_") && !s.startsWith("information_schema")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Indexes and constraints are often checked by their columns ({@code has_index(table, column)}):
     * a check on the right table counts unless it names another index or constraint.
     */
    private static boolean namedInTable(Guard g, String name, String table) {
        if (inTable(g, name, table)) {
            return true;
        }
        String own = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        boolean otherObject = false;
        for (String s : g.subjects()) {
            if (!s.equals(own) && OBJECT_NAME.matcher(s).find()) {
                otherObject = true;
                break;
            }
        }
        return !otherObject && table != null && g.names(table);
    }

    private static final java.util.regex.Pattern OBJECT_NAME = java.util.regex.Pattern.compile(
            "^(ix|idx|uq|uix|fk|pk|ck|ux)_|_(idx|key|fkey|pkey|check|excl|uq|fk)$");

    /** Words in checks that name no user object: catalog columns and relations, dict keys. */
    private static final java.util.Set<String> GENERIC = java.util.Set.of("name", "column_name", "table_name",
            "constraint_name", "indexname", "tablename", "conname", "typname", "relname", "attname", "columns",
            "tables", "public", "table_schema", "schemaname", "constrained_columns", "column_names", "type");
}
