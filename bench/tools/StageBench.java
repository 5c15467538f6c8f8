import dev.idemlint.python.PythonParser;
import dev.idemlint.rule.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Times two per-file stages in isolation, one JVM, many passes: reading (bytes to text, line index and
 * the tokenizer's chars) and parsing (tokenizer and descent parser) every .py file of a directory.
 * Prints the best pass of each: under C1 alone that figure moves by ~1% between runs on this machine,
 * where a cold lint moves by 10-25%, so it shows changes of a few percent in one stage. Not a test and
 * not the benchmark (bench/run.sh times cold runs).
 *
 *   java -XX:TieredStopAtLevel=1 -Xmn300m -cp target/idemlint.jar bench/tools/StageBench.java \
 *        bench/.data/3700/versions [passes]
 */
public class StageBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<Path> files = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(dir, "*.py")) {
            listing.forEach(files::add);
        }
        List<SourceReader.Text> texts = new ArrayList<>();
        for (Path p : files) {
            texts.add(SourceReader.readText(p, p.toString()));
        }
        PythonParser parser = new PythonParser();
        long read = Long.MAX_VALUE;
        long parse = Long.MAX_VALUE;
        long sink = 0;
        for (int r = 0; r < passes; r++) {
            long t = System.nanoTime();
            for (Path p : files) {
                sink += SourceReader.readText(p, p.toString()).file().text().length();
            }
            read = Math.min(read, System.nanoTime() - t);
            t = System.nanoTime();
            for (SourceReader.Text text : texts) {
                sink += parser.parse(text.file(), text.chars()).body().size(); // a parse only reads the chars
            }
            parse = Math.min(parse, System.nanoTime() - t);
        }
        System.out.printf("%d files, best of %d passes: read %.1f ms, parse %.1f ms (%d)%n", files.size(), passes,
                read / 1e6, parse / 1e6, sink);
    }
}
