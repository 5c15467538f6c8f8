/**
 * ANTLR-generated lexer and parser for Python (from {@code grammar/}), the hand-written
 * {@link dev.idemlint.python.antlr.PythonTokenizer} that production lexing uses instead of the
 * generated lexer (tested against it token by token), and what both lexers share: layout tokens
 * and string-literal scanning. Used only by
 * {@link dev.idemlint.python.PythonParser}; nothing outside {@code dev.idemlint.python} may import it.
 */
package dev.idemlint.python.antlr;
