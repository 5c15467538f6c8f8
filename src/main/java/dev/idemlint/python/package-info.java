/**
 * ANTLR facade. In: a {@link dev.idemlint.source.SourceFile}. Out: {@link dev.idemlint.python.PythonModule}
 * made of {@link dev.idemlint.python.Stmt}/{@link dev.idemlint.python.Expr} records with exact spans.
 * ANTLR types stop here; nothing here knows Alembic or SQL.
 */
package dev.idemlint.python;
