/**
 * Files, text, offsets and line index. In: bytes read from disk. Out: {@link dev.idemlint.source.SourceFile}
 * and {@link dev.idemlint.source.Span}. Knows nothing of Python, SQL or Alembic. Also the helpers every
 * stage may use: one copy of short repeated texts ({@link dev.idemlint.source.SharedStrings}), work
 * handed to the pool's worker ({@link dev.idemlint.source.Background}), the name a mistyped one was
 * meant to be ({@link dev.idemlint.source.Spelling}), a value made once by its first caller
 * ({@link dev.idemlint.source.Once}) and a file's stamp before it is read ({@link dev.idemlint.source.FileStamp}).
 */
package dev.idemlint.source;
