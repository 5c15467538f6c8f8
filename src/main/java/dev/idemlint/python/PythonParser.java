package dev.idemlint.python;

import dev.idemlint.python.antlr.MigrationPythonLexer;
import dev.idemlint.python.antlr.MigrationPythonParser;
import dev.idemlint.python.antlr.PythonLexError;
import dev.idemlint.python.antlr.PythonTokenizer;
import dev.idemlint.python.antlr.TokenArray;
import dev.idemlint.source.RecentFiles;
import dev.idemlint.source.SourceEncoding;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one file into our syntax nodes. ANTLR types never leave this package.
 * Thread-safe: one instance may parse files from many threads.
 *
 * <p>The tokens ({@link PythonTokenizer}, into arrays) go to the {@link DescentParser} first, which
 * builds the records directly and gives up on anything outside its subset and on every error. Only
 * then does ANTLR parse them, in two stages: SLL prediction with a bail-out error strategy, which
 * is fast and right for nearly every file, then full LL prediction only when stage one fails. A
 * file that fails both is invalid; the LL stage pinpoints the offending token. Lexers and parsers
 * are created per call; only ANTLR's DFA cache is shared, and it is thread-safe.
 */
public final class PythonParser {
    private final boolean descent;
    private final boolean strict;
    /** Files (not f-string fields) the fast path gave up on; read by tests. */
    final LongAdder fallbacks = new LongAdder();

    /** The production parser: {@link DescentParser} first, ANTLR when it gives up. */
    public PythonParser() {
        this(true, false);
    }

    /**
     * For tests: {@code descent} false parses with ANTLR only (the reference); {@code strict} lets
     * failures of the fast path other than giving up propagate instead of falling back.
     */
    PythonParser(boolean descent, boolean strict) {
        this.descent = descent;
        this.strict = strict;
    }

    /**
     * The modules parsed last, by file object: the engine parses a file, builds its model and runs
     * its per-file rules and their fix builders (which ask for the module again) in one go, so a
     * short memory of recent files serves them all without keeping every module of a run alive.
     */
    private static final RecentFiles<PythonModule> RECENT = new RecentFiles<>(32);

    /** Like {@link #parse}, but reuses the module of this very {@code file} object if it was parsed recently. */
    public PythonModule parseShared(SourceFile file) throws PythonSyntaxError {
        return parseShared(file, null);
    }

    /**
     * {@link #parseShared(SourceFile)} given the file's chars, as the file reader widened them (null:
     * made here). Only a parse reads them.
     */
    public PythonModule parseShared(SourceFile file, char[] chars) throws PythonSyntaxError {
        PythonModule m = RECENT.get(file);
        if (m != null) {
            return m;
        }
        m = parse(file, chars);
        RECENT.put(file, m);
        return m;
    }

    public PythonModule parse(SourceFile file) throws PythonSyntaxError {
        return parse(file, null);
    }

    /** {@link #parse(SourceFile)} given the file's chars (null: made here from its text). */
    public PythonModule parse(SourceFile file, char[] chars) throws PythonSyntaxError {
        String text = file.text();
        try {
            PythonTokenizer tokenizer = chars == null ? new PythonTokenizer(text) : new PythonTokenizer(text, chars);
            TokenArray tokens = TokenArray.lex(tokenizer);
            if (chars == null) {
                undecodedBytesOnlyInComments(text, tokens);
            }
            StringLiteralDecoder.FieldParser fields = new Fields(text, 0);
            List<Stmt> body = descent ? descendModule(text, tokenizer.chars(), tokens, fields) : null;
            if (body == null) {
                fallbacks.increment();
                Parsed<MigrationPythonParser.File_inputContext> parsed = parse(tokens, FILE_INPUT);
                body = new SyntaxNodeBuilder(text, 0, parsed.tokens, fields).module(parsed.tree);
            }
            NestingLimit.check(body);
            return new PythonModule(file, List.copyOf(body));
        } catch (PythonLexError e) {
            throw new PythonSyntaxError(e.getMessage(), e.offset());
        } catch (InvalidSyntax e) {
            throw new PythonSyntaxError(e.getMessage(), e.offset);
        }
        // any other failure is idemlint's, not the file's: it propagates, and the engine reports an
        // internal-error (a syntax error would claim that Alembic cannot import the file)
    }

    /**
     * CPython decodes a file's tokens, not its comments: a byte that is not UTF-8 (kept in the text as
     * an escaped char, see {@link dev.idemlint.source.SourceEncoding#decode}) is its syntax error
     * inside any token (a string, a name, stray code) and ignored in a comment, the only text between
     * tokens that can hold it.
     */
    private static void undecodedBytesOnlyInComments(String text, TokenArray tokens) throws PythonSyntaxError {
        int[] starts = tokens.starts();
        int[] stops = tokens.stops();
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!SourceEncoding.isEscapedByte(text, i)) {
                continue;
            }
            while (k < tokens.size() && stops[k] < i) {
                k++;
            }
            if (k < tokens.size() && starts[k] <= i) {
                throw new PythonSyntaxError(String.format("(unicode error) 'utf-8' codec can't decode byte 0x%02x",
                        SourceEncoding.escapedByte(text.charAt(i))), i);
            }
        }
    }

    private record Parsed<T>(T tree, TokenArray tokens) {
    }

    /**
     * A syntax error found by the LL stage or the node builder, before it becomes a checked
     * {@link PythonSyntaxError}.
     */
    static final class InvalidSyntax extends RuntimeException {
        final int offset;

        InvalidSyntax(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /**
     * Runs the {@link DescentParser} fast path on a module: its statements, or null when it gave up
     * (the input is outside its subset or invalid) and ANTLR must parse the tokens. Stack overflow and
     * any other failure of the fast path also fall back: ANTLR then decides, and reports, as it always
     * did.
     */
    private List<Stmt> descendModule(String text, char[] chars, TokenArray tokens,
            StringLiteralDecoder.FieldParser fields) {
        try {
            return new DescentParser(text, chars, 0, tokens, fields).module();
        } catch (InvalidSyntax tooDeep) {
            throw tooDeep;
        } catch (DescentParser.Bail | StackOverflowError e) {
            return null;
        } catch (RuntimeException bug) {
            return fellOver(bug);
        }
    }

    /** {@link #descendModule}, for an f-string field. */
    private Expr descendField(String text, int shift, TokenArray tokens, StringLiteralDecoder.FieldParser fields) {
        try {
            return new DescentParser(text, shift, tokens, fields).field();
        } catch (DescentParser.Bail | StackOverflowError e) {
            return null;
        } catch (RuntimeException bug) {
            return fellOver(bug);
        }
    }

    /** After a bug in the fast path: null (ANTLR takes the file) in production; DescentParserTest runs strict. */
    private <T> T fellOver(RuntimeException bug) {
        if (strict) {
            throw bug;
        }
        return null;
    }

    /** The grammar rule an ANTLR parse starts from (a class, not a method reference: see {@link Background}). */
    private abstract static class Start<T extends ParserRuleContext> {
        abstract T parse(MigrationPythonParser parser);
    }

    private static final Start<MigrationPythonParser.File_inputContext> FILE_INPUT = new Start<>() {
        @Override
        MigrationPythonParser.File_inputContext parse(MigrationPythonParser parser) {
            return parser.file_input();
        }
    };

    private static final Start<MigrationPythonParser.Fstring_fieldContext> FSTRING_FIELD = new Start<>() {
        @Override
        MigrationPythonParser.Fstring_fieldContext parse(MigrationPythonParser parser) {
            return parser.fstring_field();
        }
    };

    private static <T extends ParserRuleContext> Parsed<T> parse(TokenArray tokens, Start<T> rule) {
        PythonTokenizer lexer = (PythonTokenizer) tokens.getTokenSource();
        MigrationPythonParser parser = new NestingParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return new Parsed<>(rule.parse(parser), tokens);
        } catch (ParseCancellationException sllFailed) {
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return new Parsed<>(rule.parse(parser), tokens);
            } catch (ParseCancellationException llFailed) {
                Token bad = llFailed.getCause() instanceof RecognitionException re && re.getOffendingToken() != null
                        ? re.getOffendingToken() : parser.getCurrentToken();
                throw describe(bad, tokens, lexer.unclosedBracket());
            }
        }
    }

    /**
     * ANTLR's parser with its rule calls counted: a rule call is a Java frame of ANTLR's and a level
     * of its tree, which {@link SyntaxNodeBuilder} then walks. Each expression level takes at most two
     * (a lambda's {@code test -> lambdef}; a left-deep chain is one call that loops, a prefix operator,
     * a right operand, a conditional's else one each), each of the tokenizer's 200 bracket levels at
     * most eight ({@code atom_expr -> trailer -> arglist -> argument -> namedexpr_test -> test ->
     * or_test -> expr}), each of its 100 block levels at most five. So past {@link #MAX_RULE_CALLS}
     * the expression is {@link NestingLimit#MAX_DEPTH} levels deep, and the parse stops there with
     * CPython's error. Comprehension clauses ({@code for ... if ... if ...}) nest in ANTLR's tree
     * but not in CPython's, and are not counted.
     */
    private static final class NestingParser extends MigrationPythonParser {
        private static final int MAX_RULE_CALLS = 2 * NestingLimit.MAX_DEPTH + 8 * 200 + 5 * 100 + 20;
        private int calls;

        NestingParser(TokenArray tokens) {
            super(tokens);
        }

        private void nest(int ruleIndex) {
            if (ruleIndex != RULE_comp_for && ruleIndex != RULE_comp_if && ++calls > MAX_RULE_CALLS) {
                throw new InvalidSyntax(NestingLimit.message(), getCurrentToken().getStartIndex());
            }
        }

        private void unnest() {
            int rule = getContext().getRuleIndex();
            if (rule != RULE_comp_for && rule != RULE_comp_if) {
                calls--;
            }
        }

        @Override
        public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
            nest(ruleIndex);
            super.enterRule(localctx, state, ruleIndex);
        }

        @Override
        public void exitRule() {
            unnest();
            super.exitRule();
        }

        @Override
        public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
            nest(ruleIndex);
            super.enterRecursionRule(localctx, state, ruleIndex, precedence);
        }

        @Override
        public void unrollRecursionContexts(ParserRuleContext parentctx) {
            calls--; // only or_test and expr are left-recursive, both counted
            super.unrollRecursionContexts(parentctx);
        }

        @Override
        public void reset() {
            calls = 0;
            super.reset();
        }
    }

    private static InvalidSyntax describe(Token bad, TokenArray tokens, int unclosedBracket) {
        int offset = bad.getStartIndex();
        int type = bad.getType();
        boolean atEnd = type == Token.EOF || offset >= tokens.getTokenSource().getInputStream().size();
        if (atEnd && unclosedBracket >= 0) {
            String bracket = tokens.getTokenSource().getInputStream().getText(
                    org.antlr.v4.runtime.misc.Interval.of(unclosedBracket, unclosedBracket));
            return new InvalidSyntax("'" + bracket + "' was never closed", unclosedBracket);
        }
        int i = bad.getTokenIndex();
        if (i >= 2 && tokens.get(i - 1).getType() == MigrationPythonLexer.NEWLINE
                && tokens.get(i - 2).getType() == MigrationPythonLexer.COLON) {
            return new InvalidSyntax("expected an indented block", offset);
        }
        String what = switch (type) {
            case Token.EOF -> "unexpected end of file";
            case MigrationPythonLexer.NEWLINE -> atEnd ? "unexpected end of file" : "unexpected end of line";
            case MigrationPythonLexer.INDENT -> "unexpected indent";
            case MigrationPythonLexer.DEDENT -> "unexpected dedent";
            case MigrationPythonLexer.ERROR_CHAR -> "invalid character '" + bad.getText() + "'";
            default -> {
                String t = bad.getText();
                yield "unexpected '" + (t.length() > 24 ? t.substring(0, 21) + "..." : t) + "'";
            }
        };
        return new InvalidSyntax("invalid syntax: " + what, offset);
    }

    /** Parses f-string fields found in {@code src} (which starts at file offset {@code shift}). */
    private final class Fields implements StringLiteralDecoder.FieldParser {
        private final String src;
        private final int shift;

        Fields(String src, int shift) {
            this.src = src;
            this.shift = shift;
        }

        @Override
        public Expr parse(int start, int end) {
            String text = src.substring(start, end);
            int fieldShift = shift + start;
            try {
                if (!text.isBlank()) {
                    PythonTokenizer lexer = new PythonTokenizer(text);
                    lexer.setFieldMode();
                    TokenArray tokens = TokenArray.lex(lexer);
                    StringLiteralDecoder.FieldParser fields = new Fields(text, fieldShift);
                    Expr fast = descent ? descendField(text, fieldShift, tokens, fields) : null;
                    if (fast != null) {
                        return fast;
                    }
                    Parsed<MigrationPythonParser.Fstring_fieldContext> parsed =
                            PythonParser.parse(tokens, FSTRING_FIELD);
                    return new SyntaxNodeBuilder(text, fieldShift, parsed.tokens, fields).field(parsed.tree);
                }
            } catch (RuntimeException unparsable) {
                // fall through: the field stays opaque, the enclosing string is still usable
            }
            return new Expr.Opaque("fstring-field", List.of(), new Span(fieldShift, shift + end));
        }
    }
}
