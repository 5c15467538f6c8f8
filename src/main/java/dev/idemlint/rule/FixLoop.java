package dev.idemlint.rule;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.FixApplier;
import dev.idemlint.fix.SourceSnapshot;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** A file the loop changed: the snapshot it started from and its final text. */
    public record FixedFile(SourceSnapshot snapshot, String displayPath, String text, int fixes) {
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
            if (f.edits().isEmpty() || !f.files().isEmpty()) {
                continue;
            }
            if (f.applicability() == Applicability.SAFE || unsafe && f.applicability() == Applicability.UNSAFE) {
                return f;
            }
        }
        return null;
    }

    public Outcome run(LintTarget target, Function<Path, String> display, boolean unsafe) {
        Map<Path, String> texts = new HashMap<>();
        Map<Path, SourceSnapshot> snapshots = new LinkedHashMap<>();
        Map<Path, Integer> counts = new HashMap<>();
        Set<Path> frozen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int fixed = 0;
        LintResult result = linter.lint(target, display, texts);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Map<Path, List<Fix>> byFile = new LinkedHashMap<>();
            Map<Path, SourceFile> sources = new HashMap<>();
            for (Diagnostic d : result.diagnostics()) {
                Fix f = chosen(d, unsafe);
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
                if (!snapshots.containsKey(file)) {
                    SourceSnapshot snap = snapshot(file, linted, problems);
                    if (snap == null) {
                        frozen.add(file);
                        continue;
                    }
                    snapshots.put(file, snap);
                }
                FixApplier.Result applied = FixApplier.apply(linted.text(), e.getValue());
                if (!applied.changed() || applied.text().equals(linted.text())) {
                    continue;
                }
                String problem = parseProblem(SourceFile.of(file, linted.displayPath(), applied.text()));
                if (problem != null) {
                    problems.add(linted.displayPath() + ": fixes discarded, the fixed text does not parse ("
                            + problem + "); please report this to the idemlint maintainers");
                    frozen.add(file);
                    continue;
                }
                texts.put(file, applied.text());
                counts.put(file, counts.getOrDefault(file, 0) + applied.appliedCount());
                fixed += applied.appliedCount();
                changed = true;
            }
            if (!changed) {
                break;
            }
            result = linter.lint(target, display, texts);
        }
        List<FixedFile> files = new ArrayList<>();
        for (Map.Entry<Path, SourceSnapshot> e : snapshots.entrySet()) {
            String text = texts.get(e.getKey());
            if (text != null && !text.equals(e.getValue().text())) {
                files.add(new FixedFile(e.getValue(), display.apply(e.getKey()), text, counts.getOrDefault(e.getKey(), 0)));
            }
        }
        return new Outcome(result, List.copyOf(files), fixed, List.copyOf(problems));
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
            if (!snap.text().equals(linted.text())) {
                problems.add(linted.displayPath() + ": not fixed, the file changed while it was being linted");
                return null;
            }
            return snap;
        } catch (IOException e) {
            problems.add(linted.displayPath() + ": not fixed, " + e.getMessage());
            return null;
        }
    }

    private String parseProblem(SourceFile file) {
        try {
            parser.parse(file);
            return null;
        } catch (PythonSyntaxError e) {
            return e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return e.getClass().getSimpleName();
        }
    }
}
