package dev.idemlint.python;

import dev.idemlint.python.antlr.MigrationPythonLexer;
import dev.idemlint.python.antlr.MigrationPythonParser;
import dev.idemlint.python.antlr.PythonLexError;
import dev.idemlint.python.antlr.PythonTokenizer;
import dev.idemlint.python.antlr.TokenArray;
import dev.idemlint.source.RecentFiles;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.List;
import java.util.function.Function;
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
 * <p>Each parse runs in two stages: SLL prediction with a bail-out error strategy, which is fast
 * and right for nearly every file, then full LL prediction only when stage one fails. A file that
 * fails both is invalid; the LL stage pinpoints the offending token. Lexers and parsers are
 * created per call; only ANTLR's DFA cache is shared, and it is thread-safe.
 */
public final class PythonParser {

    /**
     * The modules parsed last, by file object: the engine parses a file, builds its model and runs
     * its per-file rules and their fix builders (which ask for the module again) in one go, so a
     * short memory of recent files serves them all without keeping every module of a run alive.
     */
    private static final RecentFiles<PythonModule> RECENT = new RecentFiles<>(32);

    /** Like {@link #parse}, but reuses the module of this very {@code file} object if it was parsed recently. */
    public PythonModule parseShared(SourceFile file) throws PythonSyntaxError {
        PythonModule m = RECENT.get(file);
        if (m != null) {
            return m;
        }
        m = parse(file);
        RECENT.put(file, m);
        return m;
    }

    public PythonModule parse(SourceFile file) throws PythonSyntaxError {
        String text = file.text();
        try {
            Parsed<MigrationPythonParser.File_inputContext> parsed = parse(text, false, MigrationPythonParser::file_input);
            SyntaxNodeBuilder builder = new SyntaxNodeBuilder(text, 0, parsed.tokens, fieldParser(text, 0));
            return new PythonModule(file, List.copyOf(builder.module(parsed.tree)));
        } catch (PythonLexError e) {
            throw new PythonSyntaxError(e.getMessage(), e.offset());
        } catch (InvalidSyntax e) {
            throw new PythonSyntaxError(e.getMessage(), e.offset);
        } catch (StackOverflowError e) {
            throw new PythonSyntaxError("too deeply nested to analyze", 0);
        } catch (RuntimeException e) {
            // a bug in the facade must not take the whole run down; the file is reported instead
            throw new PythonSyntaxError("internal parser error: " + e, 0);
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

    private static <T extends ParserRuleContext> Parsed<T> parse(String text, boolean field,
            Function<MigrationPythonParser, T> rule) {
        PythonTokenizer lexer = new PythonTokenizer(text);
        if (field) {
            lexer.setFieldMode();
        }
        TokenArray tokens = TokenArray.lex(lexer);
        MigrationPythonParser parser = new MigrationPythonParser(tokens);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        try {
            return new Parsed<>(rule.apply(parser), tokens);
        } catch (ParseCancellationException sllFailed) {
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return new Parsed<>(rule.apply(parser), tokens);
            } catch (ParseCancellationException llFailed) {
                Token bad = llFailed.getCause() instanceof RecognitionException re && re.getOffendingToken() != null
                        ? re.getOffendingToken() : parser.getCurrentToken();
                throw describe(bad, tokens, lexer.unclosedBracket());
            }
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
    private static StringLiteralDecoder.FieldParser fieldParser(String src, int shift) {
        return (start, end) -> {
            String text = src.substring(start, end);
            int fieldShift = shift + start;
            try {
                if (!text.isBlank()) {
                    Parsed<MigrationPythonParser.Fstring_fieldContext> parsed =
                            parse(text, true, MigrationPythonParser::fstring_field);
                    return new SyntaxNodeBuilder(text, fieldShift, parsed.tokens, fieldParser(text, fieldShift))
                            .field(parsed.tree);
                }
            } catch (RuntimeException unparsable) {
                // fall through: the field stays opaque, the enclosing string is still usable
            }
            return new Expr.Opaque("fstring-field", List.of(), new Span(fieldShift, shift + end));
        };
    }
}
