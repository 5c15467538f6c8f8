package dev.idemlint.server;

import dev.idemlint.discovery.Discovery;
import dev.idemlint.discovery.InputProblem;
import dev.idemlint.discovery.LintTarget;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.LintResult;
import dev.idemlint.rule.Linter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The open buffers and what the linter says about them. A buffer is linted in the context of its
 * versions directory as {@code lint} finds it (discovery, alembic.ini, .idemlint.toml), with every open
 * buffer of that directory standing in for its file on disk: one run checks them all, so an edit to a
 * revision re-checks the open revisions that depend on it, and a graph finding shows on both files.
 * The buffers are the server's to guard; a run reads a copy of them ({@link #buffers()}), so edits can
 * arrive while it lints.
 */
final class Workspace {
    /** An open buffer: its text and whether it is a revision (only revisions get findings). */
    record Buffer(Path path, String uri, String text, boolean revision, int version) {
    }

    /** What one run says: findings per open revision of the tree (empty lists included), problems with the setup. */
    record Outcome(Map<Path, List<Diagnostic>> findings, List<String> problems) {
    }

    private final Linter linter;
    private final Function<Path, String> display;
    private final Map<Path, Buffer> buffers = new LinkedHashMap<>();
    /** Each buffer's target as discovery found it (files on disk, settings, config), until a save. */
    private final Map<Path, Discovery.Result> found = new ConcurrentHashMap<>();
    /** Each linted tree's kept models, by versions directory; a tree is let go when its last buffer closes. */
    private final Map<Path, KeptModels> kept = new ConcurrentHashMap<>();

    Workspace(Linter linter, Function<Path, String> display) {
        this.linter = linter;
        this.display = display;
    }

    Buffer buffer(Path path) {
        return buffers.get(path);
    }

    /** A copy of the open buffers, for a run that reads them while edits come in. */
    Map<Path, Buffer> buffers() {
        return new LinkedHashMap<>(buffers);
    }

    void open(Path path, String uri, String text, int version) {
        found.remove(path);
        buffers.put(path, new Buffer(path, uri, text, Discovery.declaresRevision(text), version));
    }

    void change(Path path, String text, int version) {
        Buffer b = buffers.get(path);
        if (b != null) {
            buffers.put(path, new Buffer(path, b.uri(), text, Discovery.declaresRevision(text), version));
        }
    }

    void close(Path path) {
        buffers.remove(path);
        found.remove(path);
        forget(path);
        // a tree none of whose files is open any more: its models are let go
        kept.keySet().removeIf(dir -> buffers.keySet().stream().noneMatch(b -> b.startsWith(dir)));
    }

    /** A save may add a file to a directory: every target is found again when next needed. */
    void saved() {
        found.clear();
    }

    /** The file at {@code path} changed, appeared or went on disk: its kept model is made again. */
    void forget(Path path) {
        for (KeptModels k : kept.values()) {
            k.forget(path);
        }
    }

    /** How many models the tree of versions directory {@code dir} keeps, and how many its last run parsed (for tests). */
    int[] keptModels(Path dir) {
        KeptModels k = kept.get(dir);
        return k == null ? new int[] {0, 0} : new int[] {k.size(), k.misses()};
    }

    /**
     * Lints the tree {@code path} belongs to with the open buffers' texts; null when the buffer is not
     * open. Findings are returned for every open buffer of that tree (a buffer that is not a revision
     * gets an empty list: nothing is claimed about application code or env.py).
     */
    Outcome lint(Path path, Map<Path, Buffer> buffers) {
        Buffer changed = buffers.get(path);
        if (changed == null) {
            return null;
        }
        Discovery.Result result = discovered(path);
        List<String> problems = new ArrayList<>();
        for (InputProblem p : result.problems()) {
            problems.add(p.render());
        }
        LintTarget base = null;
        for (LintTarget t : result.targets()) {
            if (t.files().contains(path)) {
                base = t;
            }
        }
        Map<Path, List<Diagnostic>> out = new LinkedHashMap<>();
        if (base == null || !base.config().problems().isEmpty()) {
            out.put(path, List.of());
            return new Outcome(out, problems);
        }
        // the open buffers of this tree: the changed one, and the others whose target is the same tree
        TreeSet<Path> files = new TreeSet<>(base.files());
        List<Path> focus = new ArrayList<>();
        Map<Path, String> texts = new HashMap<>();
        for (Buffer b : buffers.values()) {
            boolean inTree = b.path().equals(path) || files.contains(b.path()) || sameTree(b.path(), base);
            if (!inTree) {
                continue;
            }
            files.add(b.path());
            texts.put(b.path(), b.text());
            out.put(b.path(), new ArrayList<>());
            if (b.revision()) {
                focus.add(b.path());
            }
        }
        if (focus.isEmpty()) {
            return new Outcome(out, problems);
        }
        focus.sort(null);
        LintTarget target = new LintTarget(base.projectRoot(), base.versionsDir(), List.copyOf(files), base.settings(),
                focus, base.config(), base.provenance());
        // one run at a time (the server's one worker) uses a tree's kept models
        KeptModels memo = kept.computeIfAbsent(base.versionsDir(), d -> new KeptModels());
        LintResult r;
        memo.begin(target, texts);
        try {
            r = linter.lintKept(target, display, texts, memo);
        } finally {
            memo.end();
        }
        for (Diagnostic d : r.diagnostics()) {
            List<Diagnostic> mine = out.get(d.file().path());
            if (mine != null) {
                mine.add(d);
            }
        }
        return new Outcome(out, problems);
    }

    /** Whether a buffer not on disk yet belongs to {@code base}'s tree (its own discovery says so). */
    private boolean sameTree(Path other, LintTarget base) {
        if (!other.startsWith(base.versionsDir())) {
            return false;
        }
        for (LintTarget t : discovered(other).targets()) {
            if (t.versionsDir().equals(base.versionsDir()) && t.projectRoot().equals(base.projectRoot())) {
                return true;
            }
        }
        return false;
    }

    private Discovery.Result discovered(Path path) {
        Discovery.Result r = found.get(path);
        if (r == null) {
            r = new Discovery().discoverText(path);
            found.put(path, r);
        }
        return r;
    }
}
