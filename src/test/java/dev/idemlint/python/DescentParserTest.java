package dev.idemlint.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.idemlint.python.antlr.MigrationPythonLexer;
import dev.idemlint.python.antlr.PythonLexError;
import dev.idemlint.python.antlr.PythonTokenizer;
import dev.idemlint.python.antlr.TokenArray;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The production parser (the {@link DescentParser} fast path, ANTLR when it gives up) against
 * ANTLR alone: for every input, the same records with the same spans, or the same syntax error at
 * the same offset. The fast path runs strict here, so any exception in it other than giving up
 * fails the comparison. And the fast path must actually be taken: it may give up only on the
 * constructs it leaves to ANTLR.
 */
class DescentParserTest {
    private static final PythonParser REFERENCE = new PythonParser(false, false);

    @Test
    @Tag("slow") // ANTLR on every test and real-project file: `mvn verify` and `-Dtest=DescentParserTest`
    void matches_antlr_on_every_python_file_of_the_test_resources_and_the_real_projects() throws IOException {
        List<Path> files = PythonCorpus.all();
        PythonParser fast = new PythonParser(true, true);
        List<String> fellBack = new ArrayList<>();
        int valid = 0;
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            long before = fast.fallbacks.sum();
            String expected = outcome(REFERENCE, text);
            assertSame(file.toString(), expected, outcome(fast, text));
            if (!expected.startsWith("error")) {
                valid++;
                if (fast.fallbacks.sum() > before) {
                    fellBack.add(file.toString());
                }
            }
        }
        // the files ANTLR accepts and the fast path leaves to it use match, walrus, yield, await...:
        // a handful; more means the fast path stopped covering what migrations are written in
        assertTrue(valid > 400, "valid files: " + valid);
        assertTrue(fellBack.size() * 50 < valid, fellBack.size() + " of " + valid + " valid files fell back: " + fellBack);
    }

    @Test
    void matches_antlr_on_the_edge_cases_of_each_rule() {
        String[] cases = {
            "", "\n", "x\n", "x", "pass; pass;\n", "a = b = c\n", "a, *b = c\n", "*a, = b\n", "x: int\n",
            "x: int = 1\n", "x += 1\n", "x **= 2; y //= 3\n", "a[1:2, ::3, :, 4] = 5\n", "a[*b]\n", "a[b:=1]\n",
            "del a, b[1], c.d\n", "del *a\n", "del f()\n", "global a, b\n", "nonlocal a\n", "assert x, 'm'\n",
            "raise\n", "raise E from e\n", "return\n", "return a, b,\n", "import a.b as c, d\n",
            "from . import (a, b as c,)\n", "from ...a.b import *\n", "from .. import x\n", "from a import b,\n",
            "-a ** -b ** c * d\n", "a if b else c if d else e\n", "lambda: 1\n", "lambda a, b=2, *c, d, **e: a\n",
            "lambda *, a: a\n", "lambda a, /, b: a\n", "not a == b and not c or d is not e\n", "a not in b < c\n",
            "a < b > c == d >= e <= f != g in h is i\n", "~a | b ^ c & d << e >> f + g - h * i @ j / k % l // m\n",
            "a @ b\n", "(a)\n", "(a,)\n", "()\n", "[]\n", "[a, *b,]\n", "{}\n", "{a}\n", "{a,}\n", "{*a, b}\n",
            "{a: b, **c,}\n", "{**a}\n", "{a: b for a in c if d for e in f}\n", "{a for b in c}\n",
            "[a for b, in c if d if e]\n", "(a for b in c)\n", "f(a for b in c)\n", "f(a for b in c,)\n",
            "f(a, b for b in c)\n", "f(*a, b, c=d, **e)\n", "f(a=1, b)\n", "f(**a, *b)\n", "f(**a, b=1)\n",
            "f(a)(b)[c].d\n", "f(a=b==c)\n", "f(type=1, match=2, case=3)\n", "match = 1\n", "case = 1\n",
            "type = 1\n", "type X = int\n", "match x:\n    case 1:\n        pass\n", "print(match, case, type)\n",
            "'a' 'b' f'{c}' rb'd'\n", "b'x' 'y'\n", "f'{a!r:>{b}} {c=}'\n", "f'{yield}'\n", "f'{x for x in y}'\n",
            "f'{a:=1}'\n", "f'{*a}'\n", "f'{a, b}'\n", "f'{}'\n", "x = ...\n", "x = None, True, False\n",
            "1 + 2j * 0x1F\n", "if a:\n    b\nelif c:\n    d\nelif e:\n    f\nelse:\n    g\n",
            "if a: b\nelse: c\n", "while a:\n    b\nelse:\n    c\n", "for a, b in c:\n    d\nelse:\n    e\n",
            "for a in b, c: pass\n", "for f() in a: pass\n", "try:\n    a\nexcept E as e:\n    b\nexcept:\n    c\nelse:\n    d\nfinally:\n    e\n",
            "try:\n    a\nfinally:\n    b\n", "try:\n    a\nexcept* E:\n    b\n", "try:\n    a\nelse:\n    b\n",
            "with a as b, c:\n    d\n", "with (a, b):\n    c\n", "with a as (b, c): pass\n", "with a as f(): pass\n",
            "async with a: pass\n", "async for a in b: pass\n", "async def f(): await x\n",
            "def f(a, b: int = 1, *args: str, c, **kw) -> None:\n    pass\n", "def f(*, a): pass\n",
            "def f(a, /, b): pass\n", "def f[T](a: T): pass\n", "def f(*a: *b): pass\n", "def f(a,): pass\n",
            "@d\n@e.f(1)\ndef g():\n    pass\n", "@d\nclass C(B, *bs, metaclass=M, **kw):\n    x = 1\n",
            "@d\nasync def f(): pass\n", "class C: pass\n", "class C(): pass\n", "class C[T]: pass\n",
            "class C(a=1, b): pass\n", "x = (yield)\n", "yield x\n", "x = await y\n", "(x := 1)\n",
            "if (n := len(a)) > 1: pass\n", "x = [i for i in range(3) if (j := i)]\n",
            "a = 1 +\n", "f(\n", "def f(:\n", "if x:\npass\n", "  x = 1\n", "x = 1\n  y = 2\n", "x = $\n",
            "a = b = \n", "f() = 1\n", "a + b = c\n", "(a, b) += 1\n", "x: int, y: int = 1, 2\n", "lambda x: (yield)\n",
            "x = 1 if 2\n", "a.b.c = d[e][f]\n", "print(*a, sep='')\n", "x = [\n    1,\n    2,\n]\n",
            "x = {\n  'a': 1,\n}\n", "x = a[1:]\n", "x = a[:-1]\n", "x = a[::]\n", "x = a[:, None]\n",
            "def f():\n    '''doc'''\n    return 1\n", "\uFEFFx = 1\n", "x = 1\r\ny = 2\r\n", "x = \\\n  1\n",
            "if a:\n    if b:\n        c\n    d\ne\n", "if a:\n  b\n else:\n  c\n", "@d\nx = 1\n", "else: pass\n",
            "x = '\\x4'\ny = (\n", "x = b'\\N{DASH}'\n", "x = '\\N{foo'\n", "f(a)(\n", "not\n", "a not b\n", "a is\n", "import\n", "from import a\n", "from a import\n",
            "from a import (b\n", "import a as\n", "global\n", "del\n", "x = 1;;\n", "x = -\n", "x = {a: }\n",
            "x = {a: b, c}\n", "x = {a, b: c}\n", "x = [a for]\n", "x = (a for b in)\n", "x = f(a=)\n",
            "x = f(=a)\n", "lambda\n", "lambda x\n", "lambda x: \n", "x = a if b else\n", "for x in : pass\n",
            "with : pass\n", "try: pass\n", "with (a) as b: pass\n", "with (a, b) as c: pass\n",
            "with (a as b, c as d,): pass\n", "with (a + b).c(): pass\n", "with (a, *b): pass\n", "with (a):\n    pass\n",
            "with (a as b) as c: pass\n", "with (a): b\n", "with (yield): pass\n", "with ((a)) as b: pass\n",
            "type(x)\n", "type.x = 1\n", "type X[T] = list[T]\n", "match.group(1)\n", "match(x)\n", "match x, y:\n    case _: pass\n",
            "match = 1; match += 2\n", "class C:\n    type = sa.Column(sa.Text)\n    match = 1\n",
            "while a := f(): pass\n", "f(a := 1, b)\n", "f(a=b := 1)\n", "x[a := 1]\n", "x[a := 1:2]\n",
            "{a := 1, b}\n", "{a := 1: 2}\n", "(a.b := 1)\n", "[y := f(x), y**2]\n", "await a.b(c)[d]\n",
            "await -a\n", "-await a ** 2\n", "f(await a, b=await c)\n", "await\n", "class : pass\n", "def (): pass\n", "async x\n", "@\ndef f(): pass\n",
        };
        PythonParser fast = new PythonParser(true, true);
        for (String c : cases) {
            assertSame(c, outcome(REFERENCE, c), outcome(fast, c));
        }
    }

    @Test
    void takes_the_fast_path_for_comma_lists_with_starred_and_spread_elements() {
        // giving up is allowed to be silent elsewhere; these are plain migration code and must not
        String[] cases = {
            "{1, *a}\n", "{*a, *b,}\n", "{**a, **b}\n", "{'k': 1, **b}\n", "{'k': 1, **b,}\n", "x = 1, *rest\n",
            "return a, *b\n", "[a, *b]\n", "(a, *b)\n", "print(a, *b)\n", "for x in a, *b: pass\n", "x = [1, 2,]\n",
            "a[1:2, ::3]\n", "del a, b\n",
        };
        PythonParser fast = new PythonParser(true, true);
        for (String c : cases) {
            long before = fast.fallbacks.sum();
            assertSame(c, outcome(REFERENCE, c), outcome(fast, c));
            assertTrue(fast.fallbacks.sum() == before, "fell back to ANTLR: " + c);
        }
    }

    @Test
    @Tag("slow") // 40,000 ANTLR parses: `mvn verify` and `-Dtest=DescentParserTest`
    void matches_antlr_on_random_token_sequences() {
        // short statements from expression fragments: operators of every precedence level next to
        // each other, brackets, trailing commas, soft keywords; about a tenth are valid
        String[] parts = {
            "a", "b", "1", "'s'", "f'{a}'", "None", "(", ")", "[", "]", "{", "}", ",", ":", "=", "+", "-", "~",
            "*", "**", "/", "//", "%", "@", "<<", "|", "&", "^", "<", "==", "!=", "not", "and", "or", "if",
            "else", "lambda", "for", "in", "is", ".", ":=", "await", "yield", "type", "match", "case", "...",
            "+=", ";", "\n", "\n    ", "as", "with", "del", "return", "async",
        };
        Random random = new Random(7);
        PythonParser fast = new PythonParser(true, true);
        int valid = 0;
        for (int i = 0; i < 40_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(9);
            for (int k = 0; k < len; k++) {
                sb.append(parts[random.nextInt(parts.length)]).append(random.nextInt(3) == 0 ? "" : " ");
            }
            String text = sb.append('\n').toString();
            String expected = outcome(REFERENCE, text);
            assertSame("snippet " + i + ": " + text, expected, outcome(fast, text));
            if (!expected.startsWith("error")) {
                valid++;
            }
        }
        assertTrue(valid > 1_000, valid + " valid snippets");
    }

    @Test
    void matches_antlr_on_mutated_files() throws IOException {
        // token-level mutations of real migrations: mostly invalid files (which the fast path must
        // leave to ANTLR, and then the errors match) and some valid variants. Seeded: a failure reproduces.
        List<String> texts = new ArrayList<>();
        for (Path file : PythonCorpus.under(Path.of("src/test/resources/fixtures"))) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (text.length() < 2_500) {
                texts.add(text);
            }
        }
        assertTrue(texts.size() > 100, "fixture files: " + texts.size());
        String[] vocabulary = {
            "(", ")", "[", "]", "{", "}", ",", ":", ";", "=", "==", ".", "...", "*", "**", "@", "->", ":=", "+=",
            "-", "~", "not", "in", "is", "and", "or", "if", "else", "elif", "for", "lambda", "yield", "await",
            "async", "match", "case", "type", "return", "del", "pass", "def", "class", "with", "as", "import",
            "from", "None", "1", "2.5", "'s'", "f'{x}'", "b'y'", "x", "op", "\n", "\n    ", " \\\n", "#c\n",
        };
        Random random = new Random(20261122);
        PythonParser fast = new PythonParser(true, true);
        int mutants = 0;
        int accepted = 0;
        for (int i = 0; i < 6_000; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            int[][] tokens = tokenSpans(text);
            if (tokens.length == 0) {
                continue;
            }
            StringBuilder sb = new StringBuilder(text);
            int edits = 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                int[] t = tokens[random.nextInt(tokens.length)];
                if (t[1] > sb.length()) {
                    continue;
                }
                switch (random.nextInt(4)) {
                    case 0 -> sb.delete(t[0], t[1]);
                    case 1 -> sb.insert(t[0], sb.substring(t[0], t[1]) + " ");
                    case 2 -> sb.replace(t[0], t[1], vocabulary[random.nextInt(vocabulary.length)]);
                    default -> sb.insert(t[1], " " + vocabulary[random.nextInt(vocabulary.length)] + " ");
                }
            }
            String mutant = sb.toString();
            String expected = outcome(REFERENCE, mutant);
            assertSame("mutant " + i + ":\n" + mutant, expected, outcome(fast, mutant));
            mutants++;
            if (!expected.startsWith("error")) {
                accepted++;
            }
        }
        assertTrue(mutants > 5_000 && accepted > 100 && accepted < mutants - 1_000,
                mutants + " mutants, " + accepted + " valid");
    }

    /** Fails with the region where the two outcomes first differ (whole files make unreadable messages). */
    private static void assertSame(String what, String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 300);
        assertEquals(expected.substring(from, Math.min(expected.length(), i + 300)),
                actual.substring(from, Math.min(actual.length(), i + 300)), what + " (differs at char " + i + ")");
    }

    /** [start, end) of every non-layout token, or none if the text does not lex. */
    private static int[][] tokenSpans(String text) {
        try {
            TokenArray tokens = TokenArray.lex(new PythonTokenizer(text));
            List<int[]> out = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                int type = t.getType();
                if (type != Token.EOF && type != MigrationPythonLexer.INDENT && type != MigrationPythonLexer.DEDENT
                        && t.getStopIndex() >= t.getStartIndex()) {
                    out.add(new int[] {t.getStartIndex(), t.getStopIndex() + 1});
                }
            }
            return out.toArray(new int[0][]);
        } catch (PythonLexError e) {
            return new int[0][];
        }
    }


    /** Everything a parse produces, spans and string offsets included, or its error. */
    static String outcome(PythonParser parser, String text) {
        try {
            StringBuilder sb = new StringBuilder();
            dump(parser.parse(ParseSupport.source(text)).body(), sb);
            return sb.toString();
        } catch (PythonSyntaxError e) {
            return "error at " + e.offset() + ": " + e.getMessage();
        }
    }

    private static void dump(Object o, StringBuilder sb) {
        if (o == null) {
            sb.append("null");
        } else if (o instanceof List<?> list) {
            sb.append('[');
            for (Object item : list) {
                dump(item, sb);
                sb.append(", ");
            }
            sb.append(']');
        } else if (o instanceof StrPiece.Offsets offsets) {
            sb.append(Arrays.toString(offsets.toArray()));
        } else if (o instanceof String s) {
            sb.append('"').append(s.replace("\n", "\\n")).append('"');
        } else if (o instanceof Record r) {
            sb.append(r.getClass().getSimpleName()).append('(');
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    dump(c.getAccessor().invoke(r), sb);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                sb.append(' ');
            }
            sb.append(')');
        } else {
            sb.append(o);
        }
    }
}
