/**
 * ANTLR-generated lexer and parser for Python (from {@code grammar/}), plus the hand-written lexer
 * support they need: layout tokens and string-literal scanning. Used only by
 * {@link dev.idemlint.python.PythonParser}; nothing outside {@code dev.idemlint.python} may import it.
 */
package dev.idemlint.python.antlr;
