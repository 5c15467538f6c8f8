/**
 * Files, text, offsets and line index. In: bytes read from disk. Out: {@link dev.idemlint.source.SourceFile}
 * and {@link dev.idemlint.source.Span}. Knows nothing of Python, SQL or Alembic.
 */
package dev.idemlint.source;
