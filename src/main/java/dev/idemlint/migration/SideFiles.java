package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StrPiece;
import dev.idemlint.source.SourceFile;
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
 * is read as that SQL. The path must be the revision's own folder ({@code os.path.dirname(__file__)}, through
 * {@code abspath}/{@code realpath}) joined with literal names, none {@code ..}; the file is read only when it lies
 * (links resolved) in that folder, is a regular file of at most 1 MiB ({@link ModelTables#bytes}) and is UTF-8.
 * Anything else leaves the name unbound (unknown SQL, no claim). The text's chars have no place in the revision's
 * source (negative file offsets, as a dynamic part's): a fix never edits the revision for them, and a finding points
 * at the call that runs the SQL.
 */
final class SideFiles {
    private static final Set<String> STRIPS = Set.of("strip", "rstrip", "lstrip");

    private SideFiles() {
    }

    /** The names {@code s} binds to a side file's text, when it is one of the two forms read; else nothing. */
    static void bind(Stmt s, SourceFile revision, Scope scope, Runnable readOne) {
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
                        readOne.run();
                    }
                }
            }
        } else if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name x) {
            Expr.Str text = read(a.value(), null, null, revision, scope);
            if (text != null) {
                scope.bind(x.id(), text);
                readOne.run();
            }
        }
    }

    /**
     * {@code F.read()} (with {@code open} the call bound to {@code F}) or {@code open(P).read()}, followed by any
     * {@code .strip()}, as the file's text; else null.
     */
    private static Expr.Str read(Expr value, String handle, Expr.Call open, SourceFile revision, Scope scope) {
        List<String> strips = new ArrayList<>();
        Expr e = value;
        while (e instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute m
                && STRIPS.contains(m.attr())) {
            strips.add(0, m.attr());
            e = m.value();
        }
        if (!(e instanceof Expr.Call c && c.args().isEmpty() && c.func() instanceof Expr.Attribute m
                && m.attr().equals("read"))) {
            return null;
        }
        Expr.Call opened = handle == null ? (m.value() instanceof Expr.Call direct ? direct : null)
                : m.value() instanceof Expr.Name n && n.id().equals(handle) ? open : null;
        if (opened == null || !"open".equals(Names.dotted(opened.func())) || !textMode(opened)) {
            return null;
        }
        Path dir = revision.path().toAbsolutePath().getParent();
        Path file = dir == null ? null : under(dir, opened.positional(0), scope);
        byte[] bytes = file == null ? null : ModelTables.bytes(file, dir);
        String text = bytes == null ? null : utf8(bytes);
        if (text == null) {
            return null;
        }
        for (String strip : strips) {
            text = switch (strip) {
                case "strip" -> text.strip();
                case "rstrip" -> text.stripTrailing();
                default -> text.stripLeading();
            };
        }
        int n = text.length();
        int[] offsets = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            offsets[i] = i - n - 1; // one run of negative offsets: no char is in the revision's source
        }
        return new Expr.Str(List.of(new StrPiece(text, false, null, offsets, value.span(), "", "\"")), false,
                value.span());
    }

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

    /** The file {@code path} names: the revision's folder joined with literal names; else null. */
    private static Path under(Path dir, Expr path, Scope scope) {
        Expr p = ColumnReader.deref(path, scope);
        if (!(p instanceof Expr.Call join) || !"os.path.join".equals(Names.dotted(join.func()))
                || join.positional(0) == null
                || !revisionFolder(ColumnReader.deref(join.positional(0), scope), scope)) {
            return null;
        }
        Path out = dir;
        for (int i = 1; i < join.args().size(); i++) {
            var a = join.args().get(i);
            String part = a.keyword() == null && a.star() == 0 ? StringResolver.constant(a.value(), scope) : null;
            if (part == null || part.isEmpty() || part.contains("..") || part.startsWith("/") || part.contains("\\")
                    || part.indexOf('\0') >= 0) {
                return null;
            }
            out = out.resolve(part);
        }
        out = out.normalize();
        return out.startsWith(dir.normalize()) && !out.equals(dir.normalize()) ? out : null;
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
