/**
 * Python front end. In: a {@link dev.idemlint.source.SourceFile}. Out: {@link dev.idemlint.python.PythonModule}
 * made of {@link dev.idemlint.python.Stmt}/{@link dev.idemlint.python.Expr} records with exact spans,
 * from the {@link dev.idemlint.python.DescentParser} fast path or, when it gives up, from ANTLR's
 * parse tree ({@link dev.idemlint.python.SyntaxNodeBuilder}). ANTLR types stop here; nothing here
 * knows Alembic or SQL.
 */
package dev.idemlint.python;
