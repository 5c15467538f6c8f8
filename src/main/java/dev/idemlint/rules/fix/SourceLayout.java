package dev.idemlint.rules.fix;

import dev.idemlint.fix.TextEdit;
import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.python.Stmt;
import dev.idemlint.python.StmtParts;
import dev.idemlint.python.StrPiece;
import dev.idemlint.schema.CreationPaths;
import dev.idemlint.source.RecentFiles;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * How one file is written, for fixes that must blend in: its dominant line ending, its indent unit,
 * where each string literal's content lies (so SQL offsets can be checked to fall inside one literal),
 * how it imports SQLAlchemy, and where a new import goes. The engine keeps no parse tree once a file's
 * per-file rules have run and only the last few modules and layouts are remembered, so a fix for a file whose per-file
 * rules have long finished (a project rule's) parses it again here.
 */
public final class SourceLayout implements CreationPaths.Placement {
    private static final PythonParser PARSER = new PythonParser();
    private static final RecentFiles<SourceLayout> CACHE = new RecentFiles<>(32);

    private final SourceFile file;
    private final PythonModule module;
    /** The file's string literal pieces in source order, found on first use (most layouts never need them). */
    private volatile List<StrPiece> pieces;
    private final String eol;
    private final String indentUnit;
    /**
     * Per statement span, the batch call of the innermost {@code with} block around the statement (null for
     * none), built on first use; empty when the statements are not laid out as {@link #indexBatches} needs.
     */
    private volatile Map<Span, Expr.Call> batches;
    /** Per batch block and name, how far its code has been read for a binding of the name (GuardWrapper). */
    private final Map<String, Rebinding.Scan> rebindings = new ConcurrentHashMap<>();

    private SourceLayout(SourceFile file, PythonModule module) {
        this.file = file;
        this.module = module;
        this.eol = file.lines().newlinesOnly() ? "\n" : dominantEol(file.text());
        this.indentUnit = module == null ? "    " : indentUnit(file, module);
    }

    private static final Comparator<StrPiece> BY_OFFSET = new Comparator<>() {
        @Override
        public int compare(StrPiece a, StrPiece b) {
            return Integer.compare(a.sourceOffset(0), b.sourceOffset(0));
        }
    };

    private List<StrPiece> pieces() {
        List<StrPiece> p = pieces;
        if (p == null) {
            // threads that ask at once each collect the same list; one of them is kept
            List<StrPiece> found = new ArrayList<>();
            if (module != null) {
                for (Stmt s : module.body()) {
                    collectStmt(s, found);
                }
            }
            found.sort(BY_OFFSET);
            p = List.copyOf(found);
            pieces = p;
        }
        return p;
    }

    /** The layout of {@code file}; {@code module()} is null when the file does not parse. */
    public static SourceLayout of(SourceFile file) {
        // two threads may make the same layout once each; both are equal
        SourceLayout known = CACHE.get(file);
        if (known != null) {
            return known;
        }
        PythonModule m;
        try {
            m = PARSER.parseShared(file);
        } catch (PythonSyntaxError | RuntimeException e) {
            m = null;
        }
        SourceLayout made = new SourceLayout(file, m);
        CACHE.put(file, made);
        return made;
    }

    /** Where the code of {@code batch}'s block, from the end of its call, may bind {@code name} again. */
    Rebinding.Scan rebinding(Expr.Call batch, String name) {
        return rebindings.computeIfAbsent(batch.span().start() + " " + name,
                k -> new Rebinding.Scan(file.text(), batch.span().end(), name));
    }

    public SourceFile file() {
        return file;
    }

    public PythonModule module() {
        return module;
    }

    /** {@code \r\n}, {@code \r} or {@code \n}: whichever ends most lines ({@code \n} on a tie or none). */
    public String eol() {
        return eol;
    }

    /** The indentation one block level adds: four spaces unless the file's first block says otherwise. */
    public String indentUnit() {
        return indentUnit;
    }

    /** The whitespace that starts the line holding {@code offset}. */
    public String indentationAt(int offset) {
        String text = file.text();
        int start = file.lines().lineStart(file.lines().line(offset));
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    /** True when only indentation precedes {@code offset} on its line. */
    public boolean startsLine(int offset) {
        String text = file.text();
        int start = file.lines().lineStart(file.lines().line(offset));
        return text.substring(start, offset).isBlank();
    }

    /** True when only whitespace or a comment follows {@code offset} on its line. */
    public boolean endsLine(int offset) {
        String text = file.text();
        int end = file.lines().lineEnd(file.lines().line(offset), text);
        if (offset > end) {
            return false;
        }
        String rest = text.substring(offset, end).strip();
        return rest.isEmpty() || rest.startsWith("#");
    }

    /** The literal piece whose content holds file offset {@code offset} (its end included), or null. */
    public StrPiece pieceAt(int offset) {
        List<StrPiece> pieces = pieces();
        int lo = 0;
        int hi = pieces.size() - 1;
        StrPiece best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            StrPiece p = pieces.get(mid);
            if (p.sourceOffset(0) <= offset) {
                best = p;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (best == null || offset > best.sourceOffset(best.text().length())) {
            return null;
        }
        return best;
    }

    /** Spans of the string tokens inside {@code e}: lines starting inside them must not be re-indented. */
    public static List<Span> stringTokens(Expr e) {
        List<Span> out = new ArrayList<>();
        collectTokens(e, out);
        return out;
    }

    private static void collectTokens(Expr root, List<Span> out) {
        eachStr(root, s -> {
            for (StrPiece p : s.pieces()) {
                if (p.token() != null) {
                    out.add(p.token());
                }
            }
        });
    }

    /**
     * The name bound to the {@code sqlalchemy} module at the top of the file ({@code sa} for
     * {@code import sqlalchemy as sa}), or null when it is not imported as a module.
     */
    public String sqlalchemyAlias() {
        if (module == null) {
            return null;
        }
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.Import imp && imp.module() == null) {
                for (Stmt.ImportName n : imp.names()) {
                    if (n.name().equals("sqlalchemy")) {
                        return n.alias() == null ? "sqlalchemy" : n.alias();
                    }
                }
            }
        }
        return null;
    }

    /** True when a top-level import or assignment binds {@code name}. */
    public boolean binds(String name) {
        if (module == null) {
            return false;
        }
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.Import imp) {
                for (Stmt.ImportName n : imp.names()) {
                    if (imp.bound(n).equals(name)) {
                        return true;
                    }
                }
            } else if (s instanceof Stmt.Assign a) {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Name n && n.id().equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The expression naming module {@code sqlalchemy.dialects.postgresql} through a top-level import
     * ({@code postgresql} for {@code from sqlalchemy.dialects import postgresql}), or null when the
     * file does not import it as a module.
     */
    public String postgresqlDialectAlias() {
        if (module == null) {
            return null;
        }
        for (Stmt s : module.body()) {
            if (!(s instanceof Stmt.Import imp)) {
                continue;
            }
            for (Stmt.ImportName n : imp.names()) {
                if (imp.module() == null && n.name().equals("sqlalchemy.dialects.postgresql")) {
                    return n.alias() == null ? n.name() : n.alias();
                }
                if ("sqlalchemy.dialects".equals(imp.module()) && n.name().equals("postgresql")) {
                    return n.alias() == null ? n.name() : n.alias();
                }
            }
        }
        return null;
    }

    /** The edit adding top-level import {@code line} after the last import (or at the top). */
    public TextEdit addImport(String line) {
        int at = importInsertionPoint();
        return at < 0 ? TextEdit.insert(file.path(), 0, line + eol) : TextEdit.insert(file.path(), at, eol + line);
    }

    /**
     * True when statement {@code stmt} runs whenever its top-level function runs: it sits directly in
     * the function's body, or only inside {@code with} blocks there (no {@code if}, loop or
     * {@code try} around it).
     */
    @Override
    public boolean unconditional(Span stmt) {
        return inTopFunction(stmt, 0);
    }

    /**
     * The {@code batch_alter_table(...)} call of the innermost {@code with} block holding statement
     * {@code stmt}, or null.
     */
    public Expr.Call enclosingBatch(Span stmt) {
        if (module == null || stmt == null) {
            return null;
        }
        Map<Span, Expr.Call> index = batches();
        return index.containsKey(stmt) ? index.get(stmt) : enclosingBatch(module.body(), stmt);
    }

    /** {@link #enclosingBatch(Span)} found by walking the module from its first statement. */
    Expr.Call enclosingBatchByWalk(Span stmt) {
        return module == null || stmt == null ? null : enclosingBatch(module.body(), stmt);
    }

    /** True when {@link #enclosingBatch(Span)} of {@code stmt} is read from the index, not walked. */
    boolean batchIndexed(Span stmt) {
        return module != null && batches().containsKey(stmt);
    }

    private Map<Span, Expr.Call> batches() {
        Map<Span, Expr.Call> index = batches;
        if (index == null) {
            // threads that ask at once each build the same index; one of them is kept
            Map<Span, Expr.Call> found = new HashMap<>();
            boolean laidOut = indexBatches(List.of(module.body()), null, null, found);
            index = laidOut ? Collections.unmodifiableMap(found) : Map.of();
            batches = index;
        }
        return index;
    }

    /**
     * Files each statement of {@code blocks} (the blocks of the statement spanning {@code parent}, or the
     * module's body when it is null), and those nested in them outside unread statements, with {@code batch},
     * the batch call of the innermost {@code with} block around them. False, the index unusable, unless every
     * statement has a non-empty span strictly inside its parent's that starts at or after the end of the
     * statement before it in the same parent: then a statement's span lies in its ancestors' spans and in no
     * other statement's, so the walk of {@link #enclosingBatch(List, Span)} for it descends through exactly
     * its ancestors and returns the batch call of the innermost one, as filed here.
     */
    private static boolean indexBatches(List<List<Stmt>> blocks, Span parent, Expr.Call batch,
            Map<Span, Expr.Call> index) {
        int end = parent == null ? 0 : parent.start();
        for (List<Stmt> block : blocks) {
            for (Stmt s : block) {
                Span span = s.span();
                if (span == null || span.length() == 0 || span.start() < end
                        || parent != null && (!parent.contains(span) || parent.equals(span))) {
                    return false;
                }
                end = span.end();
                index.put(span, batch);
                Expr.Call inner = batchCall(s);
                if (!(s instanceof Stmt.Opaque)
                        && !indexBatches(StmtParts.blockLists(s), span, inner != null ? inner : batch, index)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The {@code batch_alter_table(...)} call among the items of {@code with} statement {@code s}, or null. */
    private static Expr.Call batchCall(Stmt s) {
        if (s instanceof Stmt.With w) {
            for (Stmt.WithItem item : w.items()) {
                if (item.context() instanceof Expr.Call call
                        && call.func() instanceof Expr.Attribute a && a.attr().equals("batch_alter_table")) {
                    return call;
                }
            }
        }
        return null;
    }

    private static Expr.Call enclosingBatch(List<Stmt> body, Span x) {
        for (Stmt s : body) {
            if (!s.span().contains(x) || s.span().equals(x)) {
                continue;
            }
            // a batch block is never read inside a statement left unread
            List<List<Stmt>> inner = s instanceof Stmt.Opaque ? List.of() : StmtParts.blockLists(s);
            for (List<Stmt> b : inner) {
                Expr.Call found = enclosingBatch(b, x);
                if (found != null) {
                    return found;
                }
            }
            return batchCall(s);
        }
        return null;
    }

    /**
     * As {@link #unconditional}, but statement {@code stmt} may also sit in the body of one {@code if}
     * (the guard that keeps it from creating what is already there: the object exists after it either way).
     */
    @Override
    public boolean unconditionalUnderOneIf(Span stmt) {
        return inTopFunction(stmt, 1);
    }

    /** Whether {@code stmt} sits in its top-level function's body, inside {@code with} blocks and up to {@code ifs} {@code if}s. */
    private boolean inTopFunction(Span stmt, int ifs) {
        if (module == null || stmt == null) {
            return false;
        }
        for (Stmt s : module.body()) {
            if (s instanceof Stmt.FunctionDef f && f.span().contains(stmt)) {
                return directlyIn(f.body(), stmt, ifs);
            }
        }
        return false;
    }

    private static boolean directlyIn(List<Stmt> body, Span x, int ifs) {
        for (Stmt s : body) {
            if (s.span().contains(x)) {
                if (s.span().equals(x)) {
                    return true;
                }
                return s instanceof Stmt.With w && directlyIn(w.body(), x, ifs)
                        || ifs > 0 && s instanceof Stmt.If i && directlyIn(i.body(), x, ifs - 1);
            }
        }
        return false;
    }

    /**
     * Where a new top-level import line goes: the end of the line of the last top-level import (the
     * returned edit text starts with a line break), or, without imports, after the module docstring.
     */
    public int importInsertionPoint() {
        String text = file.text();
        Stmt last = null;
        Stmt docstring = null;
        if (module != null) {
            for (Stmt s : module.body()) {
                if (s instanceof Stmt.Import) {
                    last = s;
                }
            }
            if (!module.body().isEmpty() && module.body().get(0) instanceof Stmt.ExprStmt e
                    && e.expr() instanceof Expr.Str) {
                docstring = module.body().get(0);
            }
        }
        Stmt anchor = last != null ? last : docstring;
        if (anchor == null) {
            return -1;
        }
        return file.lines().lineEnd(file.lines().line(anchor.span().end()), text);
    }

    private static String dominantEol(String text) {
        if (text.indexOf('\r') < 0) {
            return "\n";
        }
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (crlf > lf && crlf >= cr) {
            return "\r\n";
        }
        return cr > lf && cr > crlf ? "\r" : "\n";
    }

    /** The indentation of the first statement inside the first top-level block (def, class, if...). */
    private static String indentUnit(SourceFile file, PythonModule module) {
        for (Stmt s : module.body()) {
            List<Stmt> body = null;
            if (s instanceof Stmt.FunctionDef f) {
                body = f.body();
            } else if (s instanceof Stmt.ClassDef c) {
                body = c.body();
            } else if (s instanceof Stmt.If i) {
                body = i.body();
            }
            if (body == null || body.isEmpty()) {
                continue;
            }
            int at = body.get(0).span().start();
            int line = file.lines().line(at);
            if (line == file.lines().line(s.span().start())) {
                continue; // `def f(): pass` on one line says nothing about indentation
            }
            String text = file.text();
            int start = file.lines().lineStart(line);
            String ws = text.substring(start, at);
            if (!ws.isEmpty() && ws.isBlank()) {
                return ws;
            }
        }
        return "    ";
    }

    private static void collectStmt(Stmt s, List<StrPiece> out) {
        for (Expr e : StmtParts.expressions(s)) {
            collectExpr(e, out);
        }
        for (Stmt inner : StmtParts.blocks(s)) {
            collectStmt(inner, out);
        }
    }

    private static void collectExpr(Expr root, List<StrPiece> out) {
        eachStr(root, s -> {
            for (StrPiece p : s.pieces()) {
                if (!p.dynamic() && p.offsets() != null) {
                    out.add(p);
                }
            }
        });
    }

    /**
     * Every string literal under {@code root}, in pre-order, walked with a stack of its own: a left-deep chain
     * ({@code "a" + "a" + ...}) is as deep as it is long.
     */
    private static void eachStr(Expr root, Consumer<Expr.Str> each) {
        if (root == null) {
            return;
        }
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (e instanceof Expr.Str s) {
                each.accept(s);
            }
            for (int i = e.childCount() - 1; i >= 0; i--) {
                Expr c = e.child(i);
                if (c != null) {
                    todo.push(c);
                }
            }
        }
    }
}
