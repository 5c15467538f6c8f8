package dev.idemlint.cli;

import dev.idemlint.fix.AtomicWriter;
import dev.idemlint.fix.UnifiedDiff;
import dev.idemlint.report.Utf8Output;
import dev.idemlint.rule.FixLoop;
import dev.idemlint.source.Printable;
import dev.idemlint.source.SourceEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What {@code --fix} and {@code --diff} write: the fixed files, the diff, the counts. */
final class FixOutput {
    private FixOutput() {
    }

    /** Files a fix creates (merge revisions) are UTF-8 without a BOM, as Alembic writes them. */
    private static final SourceEncoding NEW_FILE_ENCODING =
            new SourceEncoding(StandardCharsets.UTF_8, false);

    /** {@code --fix --show-fixes}: the files written, with how many fixes each took. */
    static String fixedList(List<FixLoop.FixedFile> fixedFiles) {
        StringBuilder sb = new StringBuilder();
        for (FixLoop.FixedFile f : fixedFiles) {
            sb.append("  ").append(Printable.line(f.displayPath())).append(": ").append(f.created() ? "created"
                    : f.fixes() + (f.fixes() == 1 ? " fix" : " fixes")).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code --fix}: writes every fixed file of the run or none ({@link AtomicWriter#commit}); false, with
     * each file that stood in the way and the system's reason on stderr, when nothing was written.
     */
    static boolean write(List<FixLoop.FixedFile> fixedFiles) {
        List<AtomicWriter.Change> changes = new ArrayList<>();
        for (FixLoop.FixedFile f : fixedFiles) {
            changes.add(f.created() ? new AtomicWriter.Change.Create(f.path(), f.text(), NEW_FILE_ENCODING)
                    : f.moved() ? new AtomicWriter.Change.Move(f.snapshot(), f.path(), f.text())
                    : new AtomicWriter.Change.Rewrite(f.snapshot(), f.text()));
        }
        AtomicWriter.Result result = AtomicWriter.commit(changes);
        for (AtomicWriter.Failure failure : result.failures()) {
            String shown = failure.file().toString();
            for (int i = 0; i < changes.size(); i++) {
                if (changes.get(i) == failure.change()) {
                    shown = fixedFiles.get(i).displayPath();
                }
            }
            System.err.println("idemlint: " + Printable.line(shown) + ": not written, " + failure.describe());
        }
        for (String warning : result.warnings()) {
            System.err.println("idemlint: " + Printable.line(warning));
        }
        if (!result.committed()) {
            System.err.println("idemlint: --fix wrote no file: every fixed file is written or none, and "
                    + (result.failures().size() == 1 ? "one" : result.failures().size()) + " could not be");
        }
        return result.committed();
    }

    static String summary(int fixed, int remaining) {
        return "Fixed " + fixed + (fixed == 1 ? " problem" : " problems") + " (" + remaining + " remaining).";
    }

    /** {@code --diff}: the unified diff of every file a fix would change on stdout; nothing is written. */
    static int printDiff(List<FixLoop.FixedFile> fixedFiles, int fixed, int remaining) throws IOException {
        Utf8Output w = new Utf8Output(System.out);
        for (FixLoop.FixedFile f : fixedFiles) {
            w.append(f.created() ? UnifiedDiff.created(f.displayPath(), f.text())
                    : f.moved() ? UnifiedDiff.renamed(f.originalDisplay(), f.displayPath(), f.snapshot().text(), f.text())
                    : UnifiedDiff.of(f.displayPath(), f.snapshot().text(), f.text()));
        }
        w.flush();
        System.err.println("Would fix " + fixed + (fixed == 1 ? " problem" : " problems") + " (" + remaining
                + " remaining).");
        return fixedFiles.isEmpty() ? 0 : 1;
    }
}
