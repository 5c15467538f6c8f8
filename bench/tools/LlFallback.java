import dev.idemlint.python.antlr.MigrationPythonLexer;
import dev.idemlint.python.antlr.MigrationPythonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.ANTLRInputStream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Counts how often the two-stage parse of python/PythonParser falls back from SLL to full LL,
 * with the same lexer and parser set-up, and how long lexing and each stage take.
 *
 *   java -cp target/idemlint.jar bench/tools/LlFallback.java DIR...
 *
 * Every .py file under each DIR is parsed twice (a warm-up pass for the JIT and the DFA cache,
 * then the measured pass). Not part of the build: the python package owns the real parser.
 */
public final class LlFallback {
    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            try (Stream<Path> s = Files.walk(Path.of(a))) {
                s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted().forEach(files::add);
            }
        }
        List<String> texts = new ArrayList<>();
        for (Path p : files) {
            texts.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        }
        for (int pass = 0; pass < 2; pass++) {
            int sllFailed = 0, llFailed = 0, lexFailed = 0;
            long lexNs = 0, sllNs = 0, llNs = 0;
            List<String> fellBack = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                long t0 = System.nanoTime();
                MigrationPythonLexer lexer = new MigrationPythonLexer(new ANTLRInputStream(texts.get(i)));
                lexer.removeErrorListeners();
                CommonTokenStream tokens = new CommonTokenStream(lexer);
                try {
                    tokens.fill();
                } catch (RuntimeException e) {
                    lexFailed++;
                    continue;
                }
                long t1 = System.nanoTime();
                lexNs += t1 - t0;
                MigrationPythonParser parser = new MigrationPythonParser(tokens);
                parser.removeErrorListeners();
                parser.setErrorHandler(new BailErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
                try {
                    parser.file_input();
                    sllNs += System.nanoTime() - t1;
                } catch (ParseCancellationException sll) {
                    long t2 = System.nanoTime();
                    sllNs += t2 - t1;
                    sllFailed++;
                    fellBack.add(files.get(i).toString());
                    tokens.seek(0);
                    parser.reset();
                    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                    try {
                        parser.file_input();
                    } catch (ParseCancellationException ll) {
                        llFailed++;
                    }
                    llNs += System.nanoTime() - t2;
                }
            }
            if (pass == 1) {
                System.out.printf("files %d, lexer errors %d, SLL failed %d (%.2f%%), LL failed too (syntax errors) %d%n",
                        files.size(), lexFailed, sllFailed, 100.0 * sllFailed / Math.max(1, files.size()), llFailed);
                System.out.printf("lex %.0f ms, SLL %.0f ms, LL fallback %.0f ms (single thread, warm)%n",
                        lexNs / 1e6, sllNs / 1e6, llNs / 1e6);
                fellBack.stream().limit(10).forEach(f -> System.out.println("  fell back: " + f));
            }
        }
    }
}
