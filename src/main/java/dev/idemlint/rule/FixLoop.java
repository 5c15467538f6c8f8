package dev.idemlint.rule;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.FileChange;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.FixApplier;
import dev.idemlint.fix.SourceSnapshot;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.source.SourceEncoding;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Lint, apply the chosen fixes, re-parse and re-lint the new text, and repeat until no applicable
 * fix is left (at most {@link #MAX_PASSES} passes). Works on texts in memory; writing (or diffing) is
 * the caller's. A file whose fixed text no longer parses keeps its last good text and gets no more
 * fixes; a file whose bytes changed between the lint and the snapshot is not fixed at all.
 */
public final class FixLoop {
    public static final int MAX_PASSES = 10;

    private final Linter linter;
    private final PythonParser parser = new PythonParser();

    public FixLoop(Linter linter) {
        this.linter = linter;
    }

    /**
     * A file the loop changed: the snapshot it started from and its final text, at {@code path}. A file
     * a fix created has no snapshot; a file a fix renamed has a snapshot of its old path, which
     * {@code originalDisplay} names.
     */
    public record FixedFile(SourceSnapshot snapshot, String displayPath, String text, int fixes, Path path,
            String originalDisplay) {

        public boolean created() {
            return snapshot == null;
        }

        public boolean moved() {
            return snapshot != null && !snapshot.path().equals(path);
        }
    }

    /**
     * The diagnostics left after the last pass, the changed files, how many fixes were applied, and
     * problems worth telling the user (a file skipped, a fix that broke the syntax).
     */
    public record Outcome(LintResult remaining, List<FixedFile> files, int fixed, List<String> problems) {
    }

    /** The fix a run applies for {@code d}: the most preferred one that is SAFE, or UNSAFE when allowed. */
    public static Fix chosen(Diagnostic d, boolean unsafe) {
        for (Fix f : d.fixes()) {
            if (f.edits().isEmpty() && f.files().isEmpty()) {
                continue;
            }
            if (f.applicability() == Applicability.SAFE || unsafe && f.applicability() == Applicability.UNSAFE) {
                return f;
            }
        }
        return null;
    }

    public Outcome run(LintTarget target, Function<Path, String> display, boolean unsafe) {
        return run(target, display, unsafe, Map.of());
    }

    /**
     * As {@link #run(LintTarget, Function, boolean)}, with {@code given} texts standing in for the files
     * they name (stdin, an editor's buffer): those are fixed in memory only, their snapshot is the given
     * text, and no fix that creates or renames files is applied (it would act on the disk).
     */
    public Outcome run(LintTarget target, Function<Path, String> display, boolean unsafe, Map<Path, String> given) {
        Map<Path, String> texts = new HashMap<>(given);
        Map<Path, SourceSnapshot> snapshots = new LinkedHashMap<>();
        Map<Path, Integer> counts = new HashMap<>();
        Set<Path> frozen = new HashSet<>();
        // files a fix created or renamed: current path -> the path the file had (itself when created)
        Map<Path, Path> origin = new LinkedHashMap<>();
        Set<Path> created = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int fixed = 0;
        LintTarget current = target;
        LintResult result = linter.lint(current, display, texts);
        boolean converged = false;
        // the files the latest pass changed, with the rules whose fixes changed them
        Map<Path, Set<String>> lastPass = new LinkedHashMap<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            lastPass.clear();
            Map<Fix, String> ruleOf = new HashMap<>();
            Map<Path, List<Fix>> byFile = new LinkedHashMap<>();
            Map<Path, SourceFile> sources = new HashMap<>();
            Fix fileFix = null;
            SourceFile fileFixSource = null;
            for (Diagnostic d : result.diagnostics()) {
                Fix f = chosen(d, unsafe);
                if (f != null) {
                    ruleOf.putIfAbsent(f, d.rule());
                }
                if (f != null && !f.files().isEmpty()) {
                    if (fileFix == null) {
                        fileFix = f;
                        fileFixSource = d.file();
                    }
                    continue;
                }
                Path file = f == null ? null : singleFile(f, d.file().path());
                if (file == null || frozen.contains(file)) {
                    continue;
                }
                List<Fix> mine = byFile.get(file);
                if (mine == null) {
                    mine = new ArrayList<>();
                    byFile.put(file, mine);
                }
                mine.add(f);
                if (file.equals(d.file().path())) {
                    sources.put(file, d.file());
                }
            }
            boolean changed = false;
            for (Map.Entry<Path, List<Fix>> e : byFile.entrySet()) {
                Path file = e.getKey();
                SourceFile linted = sources.get(file);
                if (linted == null) {
                    // Only fixes to the diagnostic's own file are applied; edits elsewhere need a human.
                    continue;
                }
                if (!snapshotted(file, linted, snapshots, origin, frozen, problems, given)) {
                    continue;
                }
                FixApplier.Result applied = FixApplier.apply(linted.text(), e.getValue());
                if (!applied.changed() || applied.text().equals(linted.text())) {
                    continue;
                }
                String problem = parseProblem(SourceFile.of(file, linted.displayPath(), applied.text()), linted.text());
                if (problem != null) {
                    problems.add(linted.displayPath() + ": fixes discarded, the fixed text does not parse ("
                            + problem + "); please report this to the idemlint maintainers");
                    frozen.add(file);
                    continue;
                }
                SourceSnapshot snap = snapshots.get(file);
                if (snap != null && !encodable(snap, applied.text())) {
                    // found here, not when writing: a run writes all its files or none
                    problems.add(linted.displayPath() + ": not fixed, the fixed text has characters the file's encoding ("
                            + snap.encoding().charset().name() + ") cannot hold");
                    frozen.add(file);
                    continue;
                }
                texts.put(file, applied.text());
                counts.put(file, counts.getOrDefault(file, 0) + applied.appliedCount());
                fixed += applied.appliedCount();
                changed = true;
                Set<String> rules = lastPass.computeIfAbsent(file, k -> new TreeSet<>());
                applied.applied().forEach(a -> rules.add(ruleOf.getOrDefault(a, "?")));
            }
            // A fix that creates or renames files (a merge revision, a renumbered duplicate) changes the
            // graph the other findings were computed on: it is applied alone, once the text fixes are done.
            if (!changed && fileFix != null && given.isEmpty()) {
                LintTarget next = applyFileFix(fileFix, fileFixSource, current, texts, snapshots, origin, created,
                        counts, frozen, problems);
                if (next != null) {
                    current = next;
                    fixed++;
                    changed = true;
                    lastPass.computeIfAbsent(fileFixSource.path(), k -> new TreeSet<>())
                            .add(ruleOf.getOrDefault(fileFix, "?"));
                }
            }
            if (!changed) {
                converged = true;
                break;
            }
            result = linter.lint(current, display, texts);
        }
        if (!converged) {
            // A fix that is still offered after MAX_PASSES rewrites of its own output is a bug in its
            // builder (it does not reach the state its rule accepts): its file keeps its bytes.
            for (Map.Entry<Path, Set<String>> e : lastPass.entrySet()) {
                Path file = e.getKey();
                SourceSnapshot snap = snapshots.get(file);
                if (snap != null && !origin.containsKey(file)) {
                    texts.put(file, snap.text());
                    fixed -= counts.getOrDefault(file, 0);
                    counts.remove(file);
                    frozen.add(file);
                }
                problems.add(display.apply(file) + ": fixes discarded, the fixes of " + String.join(", ", e.getValue())
                        + " still changed the file after " + MAX_PASSES
                        + " passes; please report this to the idemlint maintainers");
            }
            result = linter.lint(current, display, texts);
        }
        List<FixedFile> files = new ArrayList<>();
        for (Map.Entry<Path, SourceSnapshot> e : snapshots.entrySet()) {
            Path now = e.getKey();
            for (Map.Entry<Path, Path> o : origin.entrySet()) {
                if (o.getValue().equals(e.getKey()) && !created.contains(o.getKey())) {
                    now = o.getKey();
                }
            }
            String text = texts.get(now);
            if (text != null && (!text.equals(e.getValue().text()) || !now.equals(e.getKey()))) {
                files.add(new FixedFile(e.getValue(), display.apply(now), text, counts.getOrDefault(now, 0), now,
                        display.apply(e.getKey())));
            }
        }
        for (Path p : created) {
            files.add(new FixedFile(null, display.apply(p), texts.get(p), counts.getOrDefault(p, 1), p,
                    display.apply(p)));
        }
        return new Outcome(result, List.copyOf(files), fixed, List.copyOf(problems));
    }

    /** Takes the snapshot of {@code file} the first time the loop changes it; false when it cannot be fixed. */
    private static boolean snapshotted(Path file, SourceFile linted, Map<Path, SourceSnapshot> snapshots,
            Map<Path, Path> origin, Set<Path> frozen, List<String> problems, Map<Path, String> given) {
        if (origin.containsKey(file) || snapshots.containsKey(file)) {
            return true; // created or renamed by the loop, or snapshotted already
        }
        if (given.containsKey(file)) {
            // not read from disk: nothing on disk to compare with or write back to
            snapshots.put(file, new SourceSnapshot(file, new byte[0],
                    new SourceEncoding(StandardCharsets.UTF_8, false),
                    given.get(file)));
            return true;
        }
        SourceSnapshot snap = snapshot(file, linted, problems);
        if (snap == null) {
            frozen.add(file);
            return false;
        }
        snapshots.put(file, snap);
        return true;
    }

    /**
     * Applies a fix that creates or renames files to the loop's state and returns the target with the new
     * file list; null when it cannot be applied (a file that exists already, a file that changed on disk).
     */
    private LintTarget applyFileFix(Fix fix, SourceFile source, LintTarget target, Map<Path, String> texts,
            Map<Path, SourceSnapshot> snapshots, Map<Path, Path> origin, Set<Path> created,
            Map<Path, Integer> counts, Set<Path> frozen, List<String> problems) {
        List<Path> files = new ArrayList<>(target.files());
        Map<Path, String> newTexts = new HashMap<>();
        Path own = source.path();
        if (!fix.edits().isEmpty()) {
            Path file = singleFile(fix, own);
            if (file == null || !file.equals(own) || frozen.contains(file)
                    || !snapshotted(file, source, snapshots, origin, frozen, problems, Map.of())) {
                return null;
            }
            FixApplier.Result applied = FixApplier.apply(source.text(), List.of(new Fix(fix.title(),
                    fix.applicability(), fix.edits(), List.of())));
            if (!applied.changed()) {
                return null;
            }
            newTexts.put(file, applied.text());
        }
        Map<Path, Path> moves = new LinkedHashMap<>();
        Map<Path, String> creations = new LinkedHashMap<>();
        for (FileChange c : fix.files()) {
            if (c instanceof FileChange.Create cr) {
                if (Files.exists(cr.file()) || files.contains(cr.file())) {
                    problems.add(cr.file() + ": not created, a file of that name exists");
                    return null;
                }
                creations.put(cr.file(), cr.content());
            } else if (c instanceof FileChange.Move mv) {
                if (Files.exists(mv.to()) || files.contains(mv.to()) || !files.contains(mv.from())) {
                    problems.add(mv.from() + ": not renamed, " + mv.to() + " exists");
                    return null;
                }
                if (!newTexts.containsKey(mv.from())) {
                    if (!snapshotted(mv.from(), source.path().equals(mv.from()) ? source : null, snapshots, origin,
                            frozen, problems, Map.of())) {
                        return null;
                    }
                }
                moves.put(mv.from(), mv.to());
            }
        }
        for (Map.Entry<Path, String> e : newTexts.entrySet()) {
            texts.put(e.getKey(), e.getValue());
            counts.put(e.getKey(), counts.getOrDefault(e.getKey(), 0) + 1);
        }
        for (Map.Entry<Path, Path> m : moves.entrySet()) {
            Path from = m.getKey();
            Path to = m.getValue();
            String text = texts.containsKey(from) ? texts.remove(from) : snapshots.get(from).text();
            texts.put(to, text);
            counts.put(to, counts.getOrDefault(from, 0));
            counts.remove(from);
            origin.put(to, origin.getOrDefault(from, from));
            origin.remove(from);
            files.set(files.indexOf(from), to);
        }
        for (Map.Entry<Path, String> e : creations.entrySet()) {
            texts.put(e.getKey(), e.getValue());
            origin.put(e.getKey(), e.getKey());
            created.add(e.getKey());
            files.add(e.getKey());
        }
        return new LintTarget(target.projectRoot(), target.versionsDir(), files, target.settings(), target.focus(),
                target.config(), target.provenance());
    }

    /** The one file all edits of {@code f} touch (edits without a file belong to the diagnostic's). */
    private static Path singleFile(Fix f, Path own) {
        Path file = null;
        for (TextEdit e : f.edits()) {
            Path p = e.file() == null ? own : e.file();
            if (file != null && !file.equals(p)) {
                return null;
            }
            file = p;
        }
        return file;
    }

    private static SourceSnapshot snapshot(Path file, SourceFile linted, List<String> problems) {
        try {
            SourceSnapshot snap = SourceSnapshot.read(file);
            if (linted != null && !snap.text().equals(linted.text())) {
                problems.add(linted.displayPath() + ": not fixed, the file changed while it was being linted");
                return null;
            }
            return snap;
        } catch (IOException e) {
            problems.add((linted == null ? file.toString() : linted.displayPath()) + ": not fixed, " + e.getMessage());
            return null;
        }
    }

    private static boolean encodable(SourceSnapshot snap, String text) {
        try {
            snap.encoding().encode(text);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Why the fixed text of {@code file} cannot be written, or null when it parses as the original did. */
    private String parseProblem(SourceFile file, String original) {
        // CPython refuses any source holding a NUL ("source code cannot contain null bytes")
        if (file.text().indexOf('\0') >= 0 && original.indexOf('\0') < 0) {
            return "it would hold a NUL character";
        }
        try {
            try {
                return parsed(file);
            } catch (StackOverflowError deep) {
                // a pool thread's stack; what python/NestingLimit lets through parses on Linter's deeper one
                return Linter.onDeepStack(() -> parsed(file));
            }
        } catch (RuntimeException | StackOverflowError e) {
            return e.getClass().getSimpleName();
        }
    }

    /** Null when {@code file} parses, else the syntax error's message. */
    private String parsed(SourceFile file) {
        try {
            parser.parse(file);
            return null;
        } catch (PythonSyntaxError e) {
            return e.getMessage();
        }
    }
}
