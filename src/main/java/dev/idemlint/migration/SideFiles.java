package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StrPiece;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SQL a revision reads, at module level, from a file beside it, as ichnaea's base revision does:
 * <pre>
 * BASE_SQL_PATH = os.path.join(os.path.dirname(__file__), "base.sql")
 * with open(BASE_SQL_PATH, "r") as fd:
 *     BASE_SQL = fd.read().strip()
 * </pre>
 * ({@code X = open(P).read()} too). The name is bound to the file's text, so {@code op.execute(sa.text(BASE_SQL))}
 * is read as that SQL. Inside {@code upgrade()}, {@code with open(P) as f:} binds {@code f} to the file
 * ({@link #opened}) and {@code for line in f.read().splitlines():} walks its lines as a loop over literals
 * ({@link #lines}, at most {@link LoopItems#MAX_ITEMS}), as subunit2sql runs its SQL file line by line. The path must be the revision's own folder ({@code os.path.dirname(__file__)}, through
 * {@code abspath}/{@code realpath}) joined with literal names, none {@code ..}; the file is read only when it lies
 * (links resolved) in that folder, is a regular file of at most 1 MiB ({@link ProjectReads#bytes}) and is UTF-8.
 * Anything else leaves the name unbound (unknown SQL, no claim). The text's chars have no place in the revision's
 * source (negative file offsets, as a dynamic part's): a fix never edits the revision for them, and a finding points
 * at the call that runs the SQL.
 */
final class SideFiles {
    private static final Set<String> STRIPS = Set.of("strip", "rstrip", "lstrip");

    private SideFiles() {
    }

    /** The names {@code s} binds to a side file's text, when it is one of the two forms read; else nothing. */
    static void bind(Stmt s, SourceFile revision, Scope scope) {
        if (revision == null || revision.path() == null) {
            return;
        }
        if (s instanceof Stmt.With w && w.items().size() == 1 && w.items().get(0).vars() instanceof Expr.Name f
                && w.items().get(0).context() instanceof Expr.Call open) {
            for (Stmt b : w.body()) {
                if (b instanceof Stmt.Assign a && a.targets().size() == 1
                        && a.targets().get(0) instanceof Expr.Name x) {
                    Expr.Str text = read(a.value(), f.id(), open, revision, scope);
                    if (text != null) {
                        scope.bind(x.id(), text);
                    }
                }
            }
        } else if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name x) {
            Expr.Str text = read(a.value(), null, null, revision, scope);
            if (text != null) {
                scope.bind(x.id(), text);
            }
        }
    }

    /**
     * {@code F.read()} (with {@code open} the call bound to {@code F}) or {@code open(P).read()}, followed by any
     * {@code .strip()}, as the file's text; else null.
     */
    private static Expr.Str read(Expr value, String handle, Expr.Call open, SourceFile revision, Scope scope) {
        ReadCall r = ReadCall.of(value);
        if (r == null) {
            return null;
        }
        Expr.Call opened = handle == null ? (r.file() instanceof Expr.Call direct ? direct : null)
                : r.file() instanceof Expr.Name n && n.id().equals(handle) ? open : null;
        if (opened == null || !"open".equals(Names.dotted(opened.func())) || !textMode(opened)) {
            return null;
        }
        String text = text(opened, revision, scope);
        return text == null ? null : str(r.stripped(text), value.span());
    }

    /**
     * {@code F.read()} followed by any {@code .strip()}, {@code .rstrip()} or {@code .lstrip()}: {@code file} is
     * {@code F}, {@code strips} the strips in the order they run.
     */
    private record ReadCall(Expr file, List<String> strips) {
        /** {@code value} as such a call, or null. */
        static ReadCall of(Expr value) {
            List<String> strips = new ArrayList<>();
            Expr e = value;
            while (e instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute m
                    && STRIPS.contains(m.attr())) {
                strips.add(0, m.attr());
                e = m.value();
            }
            return e instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute m
                    && m.attr().equals("read") ? new ReadCall(m.value(), strips) : null;
        }

        /** {@code text} after the strips. */
        String stripped(String text) {
            for (String strip : strips) {
                text = switch (strip) {
                    case "strip" -> text.strip();
                    case "rstrip" -> text.stripTrailing();
                    default -> text.stripLeading();
                };
            }
            return text;
        }
    }

    /** {@code text} as a string literal whose chars have no place in the revision's source, shown at {@code span}. */
    static Expr.Str str(String text, Span span) {
        int n = text.length();
        int[] offsets = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            offsets[i] = i - n - 1; // one run of negative offsets: no char is in the revision's source
        }
        return new Expr.Str(List.of(new StrPiece(text, false, null, offsets, span, "", "\"")), false, span);
    }

    /** The text of the side file {@code open(P)} opens in text mode, within the bounds above; else null. */
    private static String text(Expr.Call opened, SourceFile revision, Scope scope) {
        if (revision == null || revision.path() == null || !"open".equals(Names.dotted(opened.func()))
                || !textMode(opened)) {
            return null;
        }
        Path dir = revision.path().toAbsolutePath().getParent();
        Path file = dir == null ? null : under(dir, opened.positional(0), scope);
        byte[] bytes = file == null ? null : ProjectReads.bytes(file, dir);
        return bytes == null ? null : utf8(bytes);
    }

    /** What {@code with open(P) as f:} binds {@code f} to when P is a side file: one child, the file's text. */
    static final String OPENED = "side-file";

    /** The handle {@code open} gives for a side file ({@link #OPENED}), or null when it opens anything else. */
    static Expr opened(Expr.Call open, SourceFile revision, Scope scope) {
        String text = text(open, revision, scope);
        return text == null ? null : new Expr.Opaque(OPENED, List.of(str(text, open.span())), open.span());
    }

    /**
     * The lines of {@code f.read().splitlines()}, {@code f} bound to a side file's handle, as strings with no place
     * in the revision's source (str.splitlines: line ends dropped); null for anything else or past {@code max} lines.
     */
    static List<Expr> lines(Expr e, Scope scope, int max) {
        if (!(e instanceof Expr.Call split && split.args().isEmpty() && split.func() instanceof Expr.Attribute s
                && s.attr().equals("splitlines") && s.value() instanceof Expr.Call read && read.args().isEmpty()
                && read.func() instanceof Expr.Attribute r && r.attr().equals("read")
                && ColumnReader.deref(r.value(), scope) instanceof Expr.Opaque o && o.kind().equals(OPENED)
                && o.children().get(0) instanceof Expr.Str text)) {
            return null;
        }
        String t = text.constantText();
        List<Expr> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (PYTHON_LINE_ENDS.indexOf(c) >= 0) {
                if (out.size() == max) {
                    return null;
                }
                out.add(str(t.substring(start, i), split.span()));
                if (c == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < t.length()) {
            if (out.size() == max) {
                return null;
            }
            out.add(str(t.substring(start), split.span()));
        }
        return out;
    }

    /** The chars Python's {@code str.splitlines()} ends a line at ({@code \r\n} is one end). */
    private static final String PYTHON_LINE_ENDS = "\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029";

    /** {@code open(P)}, {@code open(P, "r")} or {@code open(P, "rt")}, no other argument but {@code encoding=}. */
    private static boolean textMode(Expr.Call open) {
        for (int i = 0; i < open.args().size(); i++) {
            var a = open.args().get(i);
            if (a.star() != 0
                    || a.keyword() != null && !a.keyword().equals("encoding") && !a.keyword().equals("mode")) {
                return false;
            }
            if (i == 1 && a.keyword() == null || "mode".equals(a.keyword())) {
                String mode = a.value() instanceof Expr.Str s && !s.bytes() && s.pieces().size() == 1
                        && !s.pieces().get(0).dynamic() ? s.pieces().get(0).text() : null;
                if (mode == null || !(mode.equals("r") || mode.equals("rt"))) {
                    return false;
                }
            } else if (i > 1 && a.keyword() == null) {
                return false;
            }
        }
        return open.positional(0) != null;
    }

    /**
     * The file {@code path} names: the revision's folder joined with literal names, by {@code os.path.join} or by
     * pathlib's {@code /} ({@code Path(os.path.dirname(__file__)) / "sql" / "x.sql"}, {@code Path(__file__).parent
     * / ...}); else null.
     */
    private static Path under(Path dir, Expr path, Scope scope) {
        Expr p = ColumnReader.deref(path, scope);
        List<Expr> parts = new ArrayList<>();
        if (p instanceof Expr.Call join && "os.path.join".equals(Names.dotted(join.func()))
                && join.positional(0) != null
                && revisionFolder(ColumnReader.deref(join.positional(0), scope), scope)) {
            for (int i = 1; i < join.args().size(); i++) {
                var a = join.args().get(i);
                if (a.keyword() != null || a.star() != 0) {
                    return null;
                }
                parts.add(a.value());
            }
        } else {
            Expr left = p;
            while (left instanceof Expr.BinOp b && b.op().equals("/") && parts.size() < MAX_PARTS) {
                parts.add(0, b.right());
                left = ColumnReader.deref(b.left(), scope);
            }
            if (parts.isEmpty() || !revisionPath(left, scope)) {
                return null;
            }
        }
        Path out = dir;
        for (Expr e : parts) {
            String part = StringResolver.constant(e, scope);
            if (part == null || part.isEmpty() || part.contains("..") || part.startsWith("/") || part.contains("\\")
                    || part.indexOf('\0') >= 0) {
                return null;
            }
            out = out.resolve(part);
        }
        out = out.normalize();
        return out.startsWith(dir.normalize()) && !out.equals(dir.normalize()) ? out : null;
    }

    /** How many {@code /} joins a pathlib path may have. */
    private static final int MAX_PARTS = 16;

    /**
     * pathlib's path of the revision's folder: {@code Path(D)} ({@code pathlib.Path} too) for D the folder as
     * {@link #revisionFolder} reads it, or {@code Path(__file__).parent} ({@code .resolve()}/{@code .absolute()}
     * before {@code .parent}).
     */
    private static boolean revisionPath(Expr e, Scope scope) {
        if (e instanceof Expr.Attribute parent && parent.attr().equals("parent")) {
            Expr f = ColumnReader.deref(parent.value(), scope);
            if (f instanceof Expr.Call r && r.args().isEmpty() && r.func() instanceof Expr.Attribute m
                    && (m.attr().equals("resolve") || m.attr().equals("absolute"))) {
                f = ColumnReader.deref(m.value(), scope);
            }
            return f instanceof Expr.Call path && pathCall(path)
                    && ColumnReader.deref(path.positional(0), scope) instanceof Expr.Name n && n.id().equals("__file__");
        }
        return e instanceof Expr.Call path && pathCall(path)
                && revisionFolder(ColumnReader.deref(path.positional(0), scope), scope);
    }

    /** {@code Path(x)} or {@code pathlib.Path(x)}: one positional argument. */
    private static boolean pathCall(Expr.Call c) {
        String f = Names.dotted(c.func());
        return ("Path".equals(f) || "pathlib.Path".equals(f)) && c.args().size() == 1 && c.positional(0) != null
                && c.args().get(0).star() == 0;
    }

    /**
     * {@code H.read()} (any {@code .strip()} after) for {@code H} a side file's handle ({@link #opened}), as the
     * file's text: {@code with open(P) as f: data = f.read()} binds {@code data} to it. Null for anything else.
     */
    static Expr.Str handleText(Expr value, Scope scope) {
        ReadCall r = ReadCall.of(value);
        if (r == null || !(ColumnReader.deref(r.file(), scope) instanceof Expr.Opaque o && o.kind().equals(OPENED)
                && o.children().get(0) instanceof Expr.Str text)) {
            return null;
        }
        return r.strips().isEmpty() ? text : str(r.stripped(text.constantText()), value.span());
    }

    /** {@code os.path.dirname(__file__)}, with {@code __file__} under {@code os.path.abspath}/{@code realpath}. */
    private static boolean revisionFolder(Expr e, Scope scope) {
        if (!(e instanceof Expr.Call c) || !"os.path.dirname".equals(Names.dotted(c.func())) || c.args().size() != 1) {
            return false;
        }
        Expr f = ColumnReader.deref(c.positional(0), scope);
        if (f instanceof Expr.Call wrap && wrap.args().size() == 1
                && Set.of("os.path.abspath", "os.path.realpath").contains(Names.dotted(wrap.func()))) {
            f = ColumnReader.deref(wrap.positional(0), scope);
        }
        return f instanceof Expr.Name n && n.id().equals("__file__");
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
