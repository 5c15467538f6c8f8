package dev.idemlint.python.antlr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

class TokenArrayTest {

    private static TokenArray lex(String src) {
        return TokenArray.lex(new MigrationPythonLexer(new StringCharStream(src)));
    }

    @Test
    void lookahead_and_lookbehind_follow_antlrs_token_stream_contract() {
        TokenArray t = lex("x = 1\n");
        // NAME ASSIGN NUMBER NEWLINE EOF
        assertEquals(5, t.size());
        assertEquals(MigrationPythonLexer.NAME, t.LA(1));
        assertEquals(MigrationPythonLexer.ASSIGN, t.LA(2));
        assertNull(t.LT(-1), "nothing before the first token");
        t.consume();
        assertEquals(MigrationPythonLexer.NAME, t.LA(-1));
        assertEquals("x", t.LT(-1).getText());
        assertEquals(MigrationPythonLexer.ASSIGN, t.LA(1));
        assertEquals(Token.EOF, t.LA(99), "past the end every lookahead is EOF");
        for (int i = 0; i < t.size(); i++) {
            assertEquals(i, t.get(i).getTokenIndex(), "token indexes are positions in the stream");
        }
        t.seek(3);
        t.consume();
        assertEquals(Token.EOF, t.LA(1));
        assertThrows(IllegalStateException.class, t::consume);
        assertEquals("x=1\n", t.getText().replace("<NEWLINE>", "\n"));
    }

    @Test
    void lines_and_columns_after_a_string_body_are_counted_as_if_char_by_char() {
        // the string scanner jumps over literal bodies; the tokens after them must still carry
        // the line and column ANTLR would have counted
        String src = "a = '''x\ny\r\nzz''' ; b\nc = \"q\" + d\n";
        // the reference lexer, and the production one, whose token objects are made on demand
        for (TokenArray t : new TokenArray[] {lex(src), TokenArray.lex(new PythonTokenizer(src))}) {
            Token b = find(t, "b");
            assertEquals(3, b.getLine());
            assertEquals(8, b.getCharPositionInLine());
            Token d = find(t, "d");
            assertEquals(4, d.getLine());
            assertEquals(10, d.getCharPositionInLine());
            assertEquals(b.getTokenIndex() + 6, d.getTokenIndex(), "token indexes are positions in the stream");
        }
    }

    private static Token find(TokenArray t, String text) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).getText().equals(text)) {
                return t.get(i);
            }
        }
        throw new AssertionError("no token " + text);
    }
}
