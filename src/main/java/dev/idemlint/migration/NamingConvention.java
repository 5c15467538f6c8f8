package dev.idemlint.migration;

import dev.idemlint.discovery.LintTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The naming convention Alembic's ops name constraints and indexes with: the {@code naming_convention} of
 * the {@code MetaData} env.py passes to {@code context.configure(target_metadata=...)}, read statically from
 * env.py and the project modules it imports ({@link NamingConventionReader}).
 *
 * <p>{@code templates} maps a convention key ({@code "pk"}, {@code "uq"}, {@code "fk"}, {@code "ck"},
 * {@code "ix"}) to its template; {@code computed} lists keys and tokens whose value is computed by code
 * (then names that need them are unknown). {@code unknownReason} is non-null when the convention itself
 * could not be read, and every name under it is unknown. {@code exact} is false when the convention was
 * inferred (the only one in the project) rather than followed from env.py's target_metadata; use an
 * inexact one to choose what a fix checks, never to claim a failure. {@code source} says where it came from.
 */
public record NamingConvention(Map<String, String> templates, Set<String> computed, String unknownReason,
        boolean exact, String source) {

    /**
     * SQLAlchemy's {@code DEFAULT_NAMING_CONVENTION}: what a {@code MetaData()} without a convention has, and
     * what Alembic's ops use when env.py gives no target_metadata.
     */
    public static final NamingConvention SQLALCHEMY_DEFAULT = new NamingConvention(
            Map.of("ix", "ix_%(column_0_label)s"), Set.of(), null, true, "SQLAlchemy's default");

    public NamingConvention {
        templates = Map.copyOf(templates);
        computed = Set.copyOf(computed);
    }

    // equals and hashCode written out, as Settings' are (see there); RecordMethodsTest holds them to every component
    @Override
    public boolean equals(Object other) {
        return other instanceof NamingConvention o && exact == o.exact && Objects.equals(templates, o.templates)
                && Objects.equals(computed, o.computed) && Objects.equals(unknownReason, o.unknownReason)
                && Objects.equals(source, o.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(templates, computed, unknownReason, exact, source);
    }

    /** A convention that could not be read: every name under it is unknown. */
    public static NamingConvention unknown(String reason) {
        return new NamingConvention(Map.of(), Set.of(), reason, false, reason);
    }

    public boolean isUnknown() {
        return unknownReason != null;
    }

    /**
     * The convention of the target's project: env.py next to (above) its versions directory, modules
     * resolved from the project root; a bare versions tree (no env.py to configure Alembic) has
     * MetaData's default convention. Never throws; unreadable code gives an unknown convention. Lint,
     * plan and the result cache's key all take the convention from here.
     */
    public static NamingConvention of(LintTarget target) {
        Path versions = target.versionsDir();
        if (versions == null) {
            return SQLALCHEMY_DEFAULT;
        }
        for (Path d = versions; d != null && d.startsWith(target.projectRoot()); d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("env.py"))) {
                return of(d.resolve("env.py"), target.projectRoot());
            }
        }
        return SQLALCHEMY_DEFAULT;
    }

    /** The convention env.py's target_metadata carries; modules resolved within {@code projectRoot}. */
    public static NamingConvention of(Path envPy, Path projectRoot) {
        try {
            return new NamingConventionReader(projectRoot).read(envPy);
        } catch (RuntimeException e) {
            return unknown("cannot read the naming convention: " + e);
        }
    }

    /**
     * {@code m} with each key this convention names (unnamed ones, and checks whose name it wraps)
     * carrying that name, as Alembic sends it: {@code create_foreign_key(None, ...)} under
     * {@code "fk": "fk_%(table_name)s_..."} is {@code fk_orders_customer_id_customers}, which fails when it is
     * there, and {@code drop_constraint("positive", type_="check")} under
     * {@code "ck_%(table_name)s_%(constraint_name)s"} drops {@code ck_t_positive}. Keys PostgreSQL names itself
     * stay unnamed: it takes the next free name, so they never clash; an unnamed index gets the "ix" name.
     * {@code m} itself when the convention is unknown or names nothing here.
     */
    public Migration named(Migration m) {
        if (isUnknown()) {
            return m;
        }
        List<Operation> out = new ArrayList<>(m.operations().size());
        boolean changed = false;
        for (Operation op : m.operations()) {
            if (op instanceof Operation.AddConstraint c
                    && ConstraintNames.of(op, this) instanceof ConstraintNames.Name.Given g
                    && g.origin() == ConstraintNames.Origin.CONVENTION && !g.name().equals(c.name())) {
                out.add(new Operation.AddConstraint(c.site(), c.kind(), g.name(), c.table(), c.ifNotExists(), c.columns(),
                        c.condition(), c.references()));
                changed = true;
            } else if (op instanceof Operation.Drop d && d.kind() == ObjectKind.CONSTRAINT && d.name() != null
                    && ConstraintNames.ofDrop(op, this) instanceof ConstraintNames.Name.Given g
                    && g.origin() == ConstraintNames.Origin.CONVENTION && !g.name().equals(d.name())) {
                out.add(new Operation.Drop(d.site(), d.kind(), g.name(), d.table(), d.ifExists()));
                changed = true;
            } else if (op instanceof Operation.CreateIndex ix && ix.name() == null
                    && ConstraintNames.of(op, this) instanceof ConstraintNames.Name.Given g
                    && g.origin() == ConstraintNames.Origin.CONVENTION) {
                // create_index(None, ...): SQLAlchemy renders the "ix" convention's name
                out.add(new Operation.CreateIndex(ix.site(), g.name(), ix.table(), ix.unique(), ix.ifNotExists(),
                        ix.concurrently(), ix.columns()));
                changed = true;
            } else {
                out.add(op);
            }
        }
        return changed ? m.withOperations(out) : m;
    }
}
