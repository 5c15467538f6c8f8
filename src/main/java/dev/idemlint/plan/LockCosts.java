package dev.idemlint.plan;

import dev.idemlint.db.Catalog;
import dev.idemlint.db.LiveSession;
import dev.idemlint.discovery.EnvTimeouts;
import dev.idemlint.migration.ConstraintKind;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.ObjectKind;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.PostgresLocks;
import dev.idemlint.migration.ServerFacts;
import dev.idemlint.migration.StatementLocks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.schema.ObjectRef;
import dev.idemlint.schema.Presence;
import dev.idemlint.schema.RevisionStart;
import dev.idemlint.schema.SchemaState;
import dev.idemlint.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The blocking table locks the pending revisions take on tables the database already holds, with each table's live
 * size. The lock of a statement is the server facts' ({@link ServerFacts#tableLock}), its mode the {@link PostgresLocks} row for the server's
 * version; what it does to the rows while it holds the lock is what the {@code locks} rules found at that statement
 * (a rewrite, a scan, an index build), so plan and lint agree on every statement. Whether the table existed is the
 * walk's state, seeded from the catalog: a table an earlier pending revision creates is new and empty.
 */
final class LockCosts {
    /**
     * The statement kind each rule reports, whose row says what the statement does to the rows: a rule's finding
     * at a statement means the statement does it (the rules decide binary-coercible type changes, volatile
     * defaults, NOT VALID, a trusted CHECK). A lock rule not named here takes the row of the statement's own lock.
     */
    static final Map<String, PostgresLocks.Kind> RULE_KINDS = Map.of(
            "alter-column-type-rewrites-table", PostgresLocks.Kind.ALTER_TYPE_REWRITE,
            "add-column-default-rewrites-table", PostgresLocks.Kind.ADD_COLUMN_VOLATILE_DEFAULT,
            "add-foreign-key-blocks-writes", PostgresLocks.Kind.ADD_FOREIGN_KEY,
            "add-check-constraint-scans-table", PostgresLocks.Kind.ADD_CHECK,
            "set-not-null-scans-table", PostgresLocks.Kind.SET_NOT_NULL,
            "create-index-blocks-writes", PostgresLocks.Kind.CREATE_INDEX,
            "add-unique-builds-index", PostgresLocks.Kind.ADD_UNIQUE,
            "drop-index-blocks-table", PostgresLocks.Kind.DROP_INDEX,
            // a foreign key's validation takes VALIDATE_FOREIGN_KEY_AFTER_ADD: see validationAfterAdd
            "validate-in-same-transaction", PostgresLocks.Kind.VALIDATE_CHECK_AFTER_ADD);

    /**
     * Lock rules about a revision's transaction, its settings, the running code or the retry of a failed concurrent
     * build, not about what the statement they point at does to rows under its own lock.
     */
    static final List<String> ABOUT_TRANSACTIONS = List.of("lock-timeout-not-set", "exclusive-locks-held-together",
            "backfill-under-exclusive-lock", "breaks-running-code", "invalid-index-kept-on-rerun");

    private static final String VALIDATE_AFTER_ADD = "validate-in-same-transaction";

    private final Planner.LockFindings given;
    private final int major;
    private final ServerFacts facts;
    private final Catalog catalog;
    private final EnvTimeouts env;
    private final SchemaState state;
    private final Placement places;
    private final Progress progress;
    private final Planner.RowProbe rows;
    /** The rules' findings by file path, then by the operation's place in its revision. */
    private final Map<String, Map<Integer, List<String>>> found = new HashMap<>();
    /** Where validate-in-same-transaction found the NOT VALID add of a validation, by file path, then by place. */
    private final Map<String, Map<Integer, Span>> addedAt = new HashMap<>();
    private final Map<String, LiveSession.TableSize> sizes = new HashMap<>();
    private final List<Plan.Lock> taken = new ArrayList<>();

    /** Whether a lock_timeout bounds a statement's wait (null when not known), and where it is set. */
    private record Timeout(Boolean set, String where) {
    }

    LockCosts(Planner.LockFindings given, ServerFacts facts, Catalog catalog, EnvTimeouts env, SchemaState state, Placement places, Progress progress,
            Planner.RowProbe rows) {
        this.given = given;
        this.major = given == null ? 0 : given.major();
        this.facts = facts;
        this.catalog = catalog;
        this.env = env;
        this.state = state;
        this.places = places;
        this.progress = progress;
        this.rows = rows;
        if (given != null) {
            for (Diagnostic d : given.findings()) {
                if (d.step() >= 0 && !ABOUT_TRANSACTIONS.contains(d.rule())) {
                    found.computeIfAbsent(key(d.file().path()), k -> new HashMap<>())
                            .computeIfAbsent(d.step(), k -> new ArrayList<>()).add(d.rule());
                    if (VALIDATE_AFTER_ADD.equals(d.rule()) && !d.related().isEmpty()) {
                        addedAt.computeIfAbsent(key(d.file().path()), k -> new HashMap<>())
                                .put(d.step(), d.related().get(0).span());
                    }
                }
            }
        }
    }

    private static String key(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    /**
     * Operation {@code index} of {@code m}, before it runs, on the walk's state: its lock when it blocks writes on
     * a table the database held before the upgrade. {@code skips}: its guard says it does not run here.
     */
    void visit(Migration m, int index, Operation op, boolean skips) {
        if (given == null || skips) {
            return;
        }
        StatementLocks.TableLock lock = facts.tableLock(op);
        Placement.Target t;
        if (lock != null) {
            t = places.relTarget(op, places.name(lock.table(), op));
        } else {
            t = droppedIndexTable(op);
            if (t == null) {
                return;
            }
            lock = new StatementLocks.TableLock(t.name(), PostgresLocks.Kind.DROP_INDEX);
        }
        List<String> rules = found.getOrDefault(key(m.source().path()), Map.of()).getOrDefault(index, List.of());
        String rule = rules.stream().filter(RULE_KINDS::containsKey).findFirst()
                .orElse(rules.isEmpty() ? null : rules.get(0));
        PostgresLocks.Row row = PostgresLocks.of(VALIDATE_AFTER_ADD.equals(rule) ? validationAfterAdd(m, index)
                : rule != null && RULE_KINDS.containsKey(rule) ? RULE_KINDS.get(rule) : lock.kind(), major);
        if (!row.lock().blocksWrites()) {
            return;
        }
        if (t.schema() == null || t.name() == null) {
            return;
        }
        ObjectRef table = ObjectRef.of(ObjectKind.TABLE, t.qualified());
        if (state.presence(table) != Presence.PRESENT || progress.createdBy.containsKey(Advice.identity(table))) {
            // a table this upgrade creates holds no row yet, and no one else sees it before the commit
            return;
        }
        LiveSession.TableSize size = sizes.computeIfAbsent(t.schema() + "\u0000" + t.name(),
                k -> rows.size(t.schema(), t.name()));
        Plan.Work work = rule == null ? Plan.Work.NONE
                : row.rewrites() ? Plan.Work.REWRITE
                : row.kind() == PostgresLocks.Kind.CREATE_INDEX || row.kind() == PostgresLocks.Kind.ADD_UNIQUE
                        ? Plan.Work.INDEX_BUILD
                : row.scans() ? Plan.Work.SCAN : Plan.Work.NONE;
        int line = m.source().lines().line(op.site().span().start());
        String shown = size != null ? size.relation() : places.shown(t.qualified());
        Timeout timeout = timeout(m, index, line);
        taken.add(new Plan.Lock(m.header().revisionId(), m.source().displayPath(), line, shown, row.lock().sql(),
                work, size == null ? null : size.bytes(), size == null ? null : size.rows(), rule, timeout.set(),
                timeout.where(), row.referencedLock() == null ? null : row.referencedLock().sql()));
    }

    /**
     * The kind of a validation in the transaction that added the constraint NOT VALID: the add's lock is the one
     * held while it scans, SHARE ROW EXCLUSIVE for a foreign key, ACCESS EXCLUSIVE for a CHECK. The add is the
     * operation the rule's finding points back at.
     */
    private PostgresLocks.Kind validationAfterAdd(Migration m, int index) {
        Span add = addedAt.getOrDefault(key(m.source().path()), Map.of()).get(index);
        boolean foreignKey = add != null && m.upgrade().stream().anyMatch(o -> o instanceof Operation.AddConstraint a
                && a.kind() == ConstraintKind.FOREIGN_KEY && add.equals(a.site().span()));
        return foreignKey ? PostgresLocks.Kind.VALIDATE_FOREIGN_KEY_AFTER_ADD : PostgresLocks.Kind.VALIDATE_CHECK_AFTER_ADD;
    }

    /**
     * {@code drop_index("ix")} without its table: the table the catalog says the index is on, whose lock {@code DROP
     * INDEX} takes, when the index was in the database before the upgrade; null otherwise.
     */
    private Placement.Target droppedIndexTable(Operation op) {
        if (!(op instanceof Operation.Drop d) || d.kind() != ObjectKind.INDEX || d.table() != null || d.name() == null
                || d.cascade() || StatementLocks.concurrently(d)) {
            return null;
        }
        ObjectRef index = places.objectRef(op, ObjectKind.INDEX, null, d.name());
        if (index == null || state.presence(index) != Presence.PRESENT
                || progress.createdBy.containsKey(Advice.identity(index))) {
            return null;
        }
        for (Catalog.Index i : catalog.indexes()) {
            if (i.schema().equals(index.name().schema()) && i.name().equals(index.name().name())) {
                // an index lives in its table's schema
                return new Placement.Target(i.schema(), i.table());
            }
        }
        return null;
    }

    private static final Pattern URL_LOCK_TIMEOUT = Pattern.compile("lock_timeout\\s*=\\s*([^\\s]+)");

    /** The {@code lock_timeout} an {@code options} URL parameter sets ({@code -c lock_timeout=5s}), or null. */
    static String urlLockTimeout(String options) {
        if (options == null) {
            return null;
        }
        Matcher m = URL_LOCK_TIMEOUT.matcher(options);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Whether a {@code lock_timeout} bounds the statement's wait and where it is set: the revision before the statement, env.py as the {@code lock-timeout-not-set} rule reads them, the
     * URL's options, or the setting a new session of the role starts with.
     */
    private Timeout timeout(Migration m, int index, int line) {
        if (RevisionStart.lockTimeoutSet(m, index)) {
            return new Timeout(true, "revision " + m.header().revisionId() + " before line " + line);
        }
        if (env.lockTimeout() != null) {
            return new Timeout(true, env.lockTimeout());
        }
        if (given.urlLockTimeout() != null && !zero(given.urlLockTimeout())) {
            return new Timeout(true, "the database URL's options (lock_timeout=" + given.urlLockTimeout() + ")");
        }
        LiveSession.StartSetting s = given.session();
        if (s != null && !zero(s.value())) {
            return new Timeout(true, "the server (lock_timeout = " + s.value() + ", from " + s.source() + ")");
        }
        if (!env.read()) {
            return new Timeout(null, env.env() == null ? "no env.py beside the versions: the session may set it"
                    : env.env() + " could not be read");
        }
        return new Timeout(false, null);
    }

    private static boolean zero(String value) {
        return value.strip().matches("0+(ms|s|min|h|d)?") || value.strip().matches("'0+(ms|s|min|h|d)?'");
    }

    /** The locks read, in the order they are taken. */
    Plan.Locks result() {
        if (given == null) {
            return Plan.Locks.NONE;
        }
        LiveSession.StartSetting s = given.session();
        return new Plan.Locks(true, s == null ? null : s.value(), s == null ? null : s.source(),
                taken);
    }
}
