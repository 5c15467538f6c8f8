package dev.idemlint.server;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.NamingConvention;
import dev.idemlint.migration.ProjectReads;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.FileMemo;
import dev.idemlint.rule.SourceReader;
import dev.idemlint.schema.SchemaTimeline;
import dev.idemlint.source.FileStamp;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One versions tree's models as the server's last runs made them: each file's model, per-file findings and
 * timeline effects, kept in memory so that a run after an edit parses the edited buffer (and any file
 * changed on disk) and runs the cross-file rules over the others' kept models.
 *
 * <p>A kept model stands for a file while the file is what it was read from. For an open buffer, its text
 * (compared in full). For a file on disk, its {@link FileStamp}, taken before the linter reads the file, so
 * a write during the read leaves a stamp older than the file; while the stamp is racy, the file is read
 * again and its text compared. Save, close and watched-file notifications drop a file's model too, which
 * covers a write the stamp misses where the system has no status-change time.
 *
 * <p>Everything else a model depends on (settings, config, pins, which files are reported, the shown
 * path, and the naming convention env.py and the modules it reads give, which the linter tells:
 * {@link #naming}) is the context: a run whose context differs from the last run's starts from no kept
 * model. A model stands while the project files it read, or looked for, are as they were
 * ({@link Migration#reads}, asked again once a run); a file whose findings include an internal or I/O error is never
 * kept. Files gone from the tree are let go after each run,
 * so memory holds one model per file of the trees the editor has open. The command line's daemon
 * ({@code idemlint daemon}) keeps the trees it lints the same way between runs.
 *
 * <p>The linter asks from its worker threads; a run is the only user while it lasts ({@link #begin}).
 */
public final class KeptModels implements FileMemo {
    /** What a run made of one file, and what it was made from: a stamp (on disk) or a buffer's text. */
    private record Entry(Migration model, List<Diagnostic> found, SchemaTimeline.Recorded effects, boolean reported,
            FileStamp stamp, String buffer) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    /** Each missed file's stamp, taken by {@link #find} before the linter reads it, for {@link #keep}. */
    private final Map<Path, FileStamp> pending = new ConcurrentHashMap<>();
    /** Files the current (or last) run found no kept model for: the ones it parsed. */
    private final AtomicInteger misses = new AtomicInteger();
    private List<Object> context;
    /** The naming convention the kept models' findings were made under. */
    private NamingConvention convention;
    private LintTarget target;
    private Map<Path, String> texts = Map.of();
    /** The project files the kept models read ({@link Migration#reads}), asked again once in each run. */
    private ProjectReads.Check reads = new ProjectReads.Check();

    /** Starts a run of {@code target} with {@code texts} (the open buffers) standing in for their files. */
    public void begin(LintTarget target, Map<Path, String> texts) {
        List<Object> now = List.of(target.projectRoot(), target.versionsDir(), target.settings(), target.config(),
                target.provenance());
        if (!now.equals(context)) {
            entries.clear();
            context = now;
        }
        this.target = target;
        this.texts = texts;
        reads = new ProjectReads.Check();
        pending.clear();
        misses.set(0);
    }

    /** The run's naming convention ({@link FileMemo#naming}): under another one than the last, no model is kept. */
    @Override
    public void naming(NamingConvention now) {
        if (!now.equals(convention)) {
            entries.clear();
            convention = now;
        }
    }

    /** Ends the run: the models of files no longer in the tree are let go. */
    public void end() {
        entries.keySet().retainAll(new HashSet<>(target.files()));
        pending.clear();
        texts = Map.of();
    }

    /** Drops the model of {@code file} (saved, closed, changed or deleted on disk). */
    void forget(Path file) {
        entries.remove(file);
    }

    /** How many files have a kept model (for tests). */
    int size() {
        return entries.size();
    }

    /** How many files the last run parsed: those it had no valid kept model of (for tests). */
    int misses() {
        return misses.get();
    }

    @Override
    public Kept find(Path file) {
        Entry e = entries.get(file);
        String buffer = texts.get(file);
        boolean reported = target.reports(file);
        if (buffer != null) {
            if (e != null && e.reported() == reported && buffer.equals(e.buffer()) && reads.holds(e.model().reads())) {
                return new Kept(e.model(), e.found(), e.effects());
            }
            entries.remove(file);
            misses.incrementAndGet();
            return null;
        }
        FileStamp now = FileStamp.of(file, FileStamp.RACY_MILLIS);
        misses.incrementAndGet(); // taken back on a hit
        if (now == null) {
            entries.remove(file);
            return null; // unreadable: the linter says why
        }
        if (e != null && e.reported() == reported && e.stamp() != null && e.stamp().same(now)
                && (!e.stamp().racy() || sameText(file, e)) && reads.holds(e.model().reads())) {
            if (e.stamp().racy()) {
                e = new Entry(e.model(), e.found(), e.effects(), e.reported(), now, null);
                entries.put(file, e);
            }
            misses.decrementAndGet();
            return new Kept(e.model(), e.found(), e.effects());
        }
        entries.remove(file);
        pending.put(file, now);
        return null;
    }

    @Override
    public void keep(Path file, Migration model, List<Diagnostic> found, SchemaTimeline.Recorded effects) {
        if (found.stream().anyMatch(d -> d.rule().equals(BuiltinChecks.INTERNAL_ERROR)
                || d.rule().equals(BuiltinChecks.IO_ERROR))) {
            return;
        }
        String buffer = texts.get(file);
        FileStamp stamp = buffer == null ? pending.remove(file) : null;
        if (buffer == null && stamp == null) {
            return;
        }
        entries.put(file, new Entry(model, found, effects, target.reports(file), stamp, buffer));
    }

    /** Whether the file still holds the text {@code e}'s model was made from. */
    private static boolean sameText(Path file, Entry e) {
        try {
            return SourceReader.read(file, e.model().source().displayPath()).text().equals(e.model().source().text());
        } catch (SourceReader.Unreadable x) {
            return false;
        }
    }
}
