import dev.idemlint.python.antlr.MigrationPythonLexer;
import dev.idemlint.python.antlr.MigrationPythonParser;
import dev.idemlint.python.antlr.StringCharStream;
import java.nio.file.*; import java.util.*; import java.util.stream.*;
import org.antlr.v4.runtime.*; import org.antlr.v4.runtime.atn.*;
/**
 * Deterministic parse-work counters for a grammar change, where timings on this shared machine are
 * too noisy: SLL decisions, lookahead tokens those decisions read, ATN (non-DFA) transitions and
 * parse-tree nodes, over the first 400 .py files of DIR (ANTLR's profiling parser).
 *
 *   java -cp target/idemlint.jar bench/tools/ParseWork.java bench/.data/3700/versions
 */
public class ParseWork {
    public static void main(String[] a) throws Exception {
        List<Path> files; try (Stream<Path> s = Files.walk(Path.of(a[0]))) { files = s.filter(p -> p.toString().endsWith(".py")).sorted().limit(400).toList(); }
        long look = 0, calls = 0, atnLook = 0, ctxs = 0;
        for (Path p : files) {
            var lexer = new MigrationPythonLexer(new StringCharStream(Files.readString(p)));
            var tokens = dev.idemlint.python.antlr.TokenArray.lex(lexer);
            var parser = new MigrationPythonParser(tokens);
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setProfile(true);
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            var tree = parser.file_input();
            for (DecisionInfo d : parser.getParseInfo().getDecisionInfo()) { look += d.SLL_TotalLook; calls += d.invocations; atnLook += d.SLL_ATNTransitions; }
            ctxs += count(tree);
        }
        System.out.println("files " + files.size() + " decisions " + calls + " SLL lookahead tokens " + look + " ATN transitions " + atnLook + " tree nodes " + ctxs);
    }
    static long count(org.antlr.v4.runtime.tree.ParseTree t) { long n = 1; for (int i = 0; i < t.getChildCount(); i++) n += count(t.getChild(i)); return n; }
}
