package dev.idemlint.python;

import dev.idemlint.python.antlr.MigrationPythonLexer;
import dev.idemlint.python.antlr.MigrationPythonParser.*;
import dev.idemlint.source.SharedStrings;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns one parse tree into {@link Stmt}/{@link Expr} records. {@code src} is the text that was
 * parsed and {@code shift} its offset in the file (non-zero for f-string fields), so every span is
 * a file offset.
 */
final class SyntaxNodeBuilder {
    private final int shift;
    private final TokenStream tokens;
    private final StringLiteralDecoder strings;
    private final StringLiteralDecoder.FieldParser fieldParser;

    SyntaxNodeBuilder(String src, int shift, TokenStream tokens, StringLiteralDecoder.FieldParser fieldParser) {
        this.shift = shift;
        this.tokens = tokens;
        this.strings = new StringLiteralDecoder(src, shift);
        this.fieldParser = fieldParser;
    }

    // ------------------------------------------------------------------ spans

    /**
     * Identifiers (names, attribute names, keywords) shared across files: the same few hundred
     * recur in every migration ({@link SharedStrings}).
     */
    static String ident(String s) {
        return SharedStrings.of(s);
    }

    private Span span(ParserRuleContext c) {
        return span(c.start, lastReal(c));
    }

    private Span span(Token from, Token to) {
        return new Span(shift + from.getStartIndex(), shift + Math.max(from.getStartIndex(), to.getStopIndex() + 1));
    }

    /** The context's last token that is not layout (statement spans stop before NEWLINE/DEDENT). */
    private Token lastReal(ParserRuleContext c) {
        int i = c.stop.getTokenIndex();
        int first = c.start.getTokenIndex();
        while (i > first) {
            int type = tokens.get(i).getType();
            if (type != MigrationPythonLexer.NEWLINE && type != MigrationPythonLexer.INDENT
                    && type != MigrationPythonLexer.DEDENT) {
                break;
            }
            i--;
        }
        return tokens.get(i);
    }

    // ------------------------------------------------------------------ statements

    List<Stmt> module(File_inputContext c) {
        List<Stmt> out = new ArrayList<>();
        for (StmtContext s : c.stmt()) {
            stmt(s, out);
        }
        return out;
    }

    Expr field(Fstring_fieldContext c) {
        return c.yield_expr() != null ? yieldExpr(c.yield_expr()) : testlistStar(c.testlist_star_expr());
    }

    // The hot paths below read children by index (the statement and argument levels, names, strings,
    // calls) instead of through ANTLR's typed accessors: those iterate the child list and the plural
    // ones copy it, 4% of a run's samples and an eighth of its allocated bytes in iterators.

    /** The first child of {@code c} that is a {@code type}, or null: a typed accessor without its iterator. */
    private static <T extends ParseTree> T first(ParserRuleContext c, Class<T> type) {
        List<ParseTree> children = c.children;
        if (children != null) {
            for (int i = 0, n = children.size(); i < n; i++) {
                ParseTree child = children.get(i);
                if (type.isInstance(child)) {
                    return type.cast(child);
                }
            }
        }
        return null;
    }

    private void stmt(StmtContext c, List<Stmt> out) {
        // stmt : simple_stmts | compound_stmt
        if (c.getChild(0) instanceof Simple_stmtsContext simple) {
            simpleStmts(simple, out);
        } else {
            out.add(compound((Compound_stmtContext) c.getChild(0)));
        }
    }

    private void simpleStmts(Simple_stmtsContext c, List<Stmt> out) {
        for (int i = 0, n = c.getChildCount(); i < n; i++) {
            if (c.getChild(i) instanceof Simple_stmtContext s) {
                out.add(simple(s));
            }
        }
    }

    private List<Stmt> block(BlockContext c) {
        List<Stmt> out = new ArrayList<>();
        Simple_stmtsContext simple = first(c, Simple_stmtsContext.class);
        if (simple != null) {
            simpleStmts(simple, out);
        } else {
            for (int i = 0, n = c.getChildCount(); i < n; i++) {
                if (c.getChild(i) instanceof StmtContext s) {
                    stmt(s, out);
                }
            }
        }
        return out;
    }

    private Stmt simple(Simple_stmtContext c) {
        Span span = span(c);
        // simple_stmt : expr_stmt | return_stmt | ... (one child)
        if (c.getChild(0) instanceof Expr_stmtContext e) {
            return exprStmt(e, span);
        }
        if (c.return_stmt() != null) {
            var r = c.return_stmt();
            return new Stmt.Return(r.testlist_star_expr() == null ? null : testlistStar(r.testlist_star_expr()), span);
        }
        if (c.import_stmt() != null) {
            return importStmt(c.import_stmt(), span);
        }
        if (c.pass_stmt() != null) {
            return opaque("pass", List.of(), span);
        }
        if (c.break_stmt() != null) {
            return opaque("break", List.of(), span);
        }
        if (c.continue_stmt() != null) {
            return opaque("continue", List.of(), span);
        }
        if (c.del_stmt() != null) {
            List<Expr> targets = exprlistElements(c.del_stmt().exprlist());
            for (Expr t : targets) {
                if (t instanceof Expr.Opaque o && o.kind().equals("starred")) {
                    throw new PythonParser.InvalidSyntax("invalid syntax: cannot delete starred", t.span().start());
                }
                checkTarget(t, true, null);
            }
            return opaque("del", targets, span);
        }
        if (c.raise_stmt() != null) {
            return opaque("raise", tests(c.raise_stmt().test()), span);
        }
        if (c.global_stmt() != null) {
            return opaque("global", names(c.global_stmt().name()), span);
        }
        if (c.nonlocal_stmt() != null) {
            return opaque("nonlocal", names(c.nonlocal_stmt().name()), span);
        }
        if (c.assert_stmt() != null) {
            return opaque("assert", tests(c.assert_stmt().test()), span);
        }
        if (c.yield_stmt() != null) {
            return new Stmt.ExprStmt(yieldExpr(c.yield_stmt().yield_expr()), span);
        }
        var t = c.type_stmt();
        return opaque("type", List.of(nameExpr(t.name()), test(t.test())), span);
    }

    private Stmt exprStmt(Expr_stmtContext c, Span span) {
        if (c.annassign() != null) {
            var a = c.annassign();
            Expr value = a.yield_expr() != null ? yieldExpr(a.yield_expr())
                    : a.testlist_star_expr() != null ? testlistStar(a.testlist_star_expr()) : null;
            Expr target = testlistStar(c.testlist_star_expr(0));
            checkTarget(target, false, "annotated");
            return new Stmt.AnnAssign(target, test(a.test()), value, span);
        }
        if (c.augassign() != null) {
            Expr value = c.yield_expr().isEmpty() ? testlistStar(c.testlist_star_expr(1)) : yieldExpr(c.yield_expr(0));
            Expr target = testlistStar(c.testlist_star_expr(0));
            checkTarget(target, false, "augmented");
            return new Stmt.AugAssign(target, c.augassign().getText(), value, span);
        }
        List<Expr> parts = new ArrayList<>();
        for (ParseTree child : c.children) {
            if (child instanceof Testlist_star_exprContext t) {
                parts.add(testlistStar(t));
            } else if (child instanceof Yield_exprContext y) {
                parts.add(yieldExpr(y));
            }
        }
        if (parts.size() == 1) {
            return new Stmt.ExprStmt(parts.get(0), span);
        }
        List<Expr> targets = List.copyOf(parts.subList(0, parts.size() - 1));
        for (Expr t : targets) {
            checkTarget(t, true, null);
        }
        return new Stmt.Assign(targets, parts.get(parts.size() - 1), span);
    }

    /**
     * CPython rejects these in its grammar (invalid_assignment and friends); ours is looser, so the
     * check happens here. {@code context} is null for plain assignment, else the statement kind.
     */
    static void checkTarget(Expr target, boolean allowUnpacking, String context) {
        if (target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript) {
            return;
        }
        if (allowUnpacking && (target instanceof Expr.Tuple || target instanceof Expr.ListExpr)) {
            for (Expr e : target.children()) {
                checkTarget(e, true, context);
            }
            return;
        }
        if (allowUnpacking && target instanceof Expr.Opaque o && o.kind().equals("starred")) {
            checkTarget(o.children().get(0), false, context);
            return;
        }
        String what = target instanceof Expr.Call ? "function call"
                : target instanceof Expr.Compare ? "comparison"
                : target instanceof Expr.Str || target instanceof Expr.Num || target instanceof Expr.Const ? "literal"
                : target instanceof Expr.Opaque o ? o.kind()
                : target instanceof Expr.Tuple ? "tuple"
                : target instanceof Expr.ListExpr ? "list"
                : "expression";
        String message = context == null ? "cannot assign to " + what
                : "'" + what + "' is an illegal expression for " + context + " assignment";
        throw new PythonParser.InvalidSyntax("invalid syntax: " + message, target.span().start());
    }

    private Stmt importStmt(Import_stmtContext c, Span span) {
        List<Stmt.ImportName> names = new ArrayList<>();
        if (c.import_name() != null) {
            for (Dotted_as_nameContext d : c.import_name().dotted_as_name()) {
                names.add(new Stmt.ImportName(d.dotted_name().getText(), d.name() == null ? null : d.name().getText()));
            }
            return new Stmt.Import(null, names, span);
        }
        var f = c.import_from();
        StringBuilder module = new StringBuilder();
        for (ParseTree child : f.children) {
            if (child instanceof TerminalNode t && t.getSymbol().getType() == MigrationPythonLexer.IMPORT) {
                break;
            }
            if (child instanceof Dotted_nameContext || child instanceof TerminalNode t
                    && (t.getSymbol().getType() == MigrationPythonLexer.DOT
                        || t.getSymbol().getType() == MigrationPythonLexer.ELLIPSIS)) {
                module.append(child.getText());
            }
        }
        if (f.import_as_names() == null) {
            names.add(new Stmt.ImportName("*", null));
        } else {
            for (Import_as_nameContext n : f.import_as_names().import_as_name()) {
                names.add(new Stmt.ImportName(n.name(0).getText(), n.name().size() > 1 ? n.name(1).getText() : null));
            }
        }
        return new Stmt.Import(module.toString(), names, span);
    }

    private Stmt compound(Compound_stmtContext c) {
        if (c.if_stmt() != null) {
            return ifStmt(c.if_stmt());
        }
        if (c.while_stmt() != null) {
            var w = c.while_stmt();
            return new Stmt.While(namedexpr(w.namedexpr_test()), block(w.block()), elseBlock(w.else_clause()), span(w));
        }
        if (c.for_stmt() != null) {
            return forStmt(c.for_stmt(), false, c.for_stmt().start);
        }
        if (c.try_stmt() != null) {
            return tryStmt(c.try_stmt());
        }
        if (c.with_stmt() != null) {
            return withStmt(c.with_stmt(), false, c.with_stmt().start);
        }
        if (c.funcdef() != null) {
            return funcdef(c.funcdef(), List.of(), false, c.funcdef().start);
        }
        if (c.classdef() != null) {
            return classdef(c.classdef(), List.of());
        }
        if (c.decorated() != null) {
            var d = c.decorated();
            List<Expr> decorators = new ArrayList<>();
            for (DecoratorContext dec : d.decorator()) {
                decorators.add(namedexpr(dec.namedexpr_test()));
            }
            if (d.classdef() != null) {
                return classdef(d.classdef(), decorators);
            }
            Token start = d.ASYNC() != null ? d.ASYNC().getSymbol() : d.funcdef().start;
            return funcdef(d.funcdef(), decorators, d.ASYNC() != null, start);
        }
        if (c.async_stmt() != null) {
            var a = c.async_stmt();
            Token start = a.ASYNC().getSymbol();
            if (a.funcdef() != null) {
                return funcdef(a.funcdef(), List.of(), true, start);
            }
            if (a.with_stmt() != null) {
                return withStmt(a.with_stmt(), true, start);
            }
            return forStmt(a.for_stmt(), true, start);
        }
        return matchStmt(c.match_stmt());
    }

    private List<Stmt> elseBlock(Else_clauseContext c) {
        return c == null ? List.of() : block(c.block());
    }

    private Stmt ifStmt(If_stmtContext c) {
        Token end = lastReal(c);
        List<Stmt> orelse = elseBlock(c.else_clause());
        List<Elif_clauseContext> elifs = c.elif_clause();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            var e = elifs.get(i);
            orelse = List.of(new Stmt.If(namedexpr(e.namedexpr_test()), block(e.block()), orelse, true, span(e.start, end)));
        }
        return new Stmt.If(namedexpr(c.namedexpr_test()), block(c.block()), orelse, false, span(c.start, end));
    }

    private Stmt forStmt(For_stmtContext c, boolean async, Token start) {
        Expr target = exprlist(c.exprlist());
        checkTarget(target, true, null);
        return new Stmt.For(target, testlistStar(c.testlist_star_expr()), block(c.block()),
                elseBlock(c.else_clause()), async, span(start, lastReal(c)));
    }

    private Stmt tryStmt(Try_stmtContext c) {
        List<Stmt.Handler> handlers = new ArrayList<>();
        for (Except_clauseContext e : c.except_clause()) {
            handlers.add(new Stmt.Handler(e.test() == null ? null : test(e.test()),
                    e.name() == null ? null : e.name().getText(), block(e.block()), span(e)));
        }
        List<Stmt> fin = c.finally_clause() == null ? List.of() : block(c.finally_clause().block());
        return new Stmt.Try(block(c.block()), handlers, elseBlock(c.else_clause()), fin, span(c));
    }

    private Stmt withStmt(With_stmtContext c, boolean async, Token start) {
        List<Stmt.WithItem> items = new ArrayList<>();
        for (With_itemContext w : c.with_item()) {
            Expr vars = w.expr() == null ? null : expr(w.expr());
            if (vars != null) {
                checkTarget(vars, true, null);
            }
            items.add(new Stmt.WithItem(test(w.test()), vars));
        }
        Span header = span(start, c.COLON().getSymbol());
        return new Stmt.With(items, block(c.block()), async, header, span(start, lastReal(c)));
    }

    private Stmt funcdef(FuncdefContext c, List<Expr> decorators, boolean async, Token start) {
        List<String> params = new ArrayList<>();
        if (c.typedargslist() != null) {
            for (TparamContext p : c.typedargslist().tparam()) {
                String prefix = p.STAR() != null ? "*" : p.POWER() != null ? "**" : "";
                params.add(p.name() != null ? prefix + p.name().getText() : p.DIV() != null ? "/" : prefix);
            }
        }
        Span header = span(start, c.COLON().getSymbol());
        return new Stmt.FunctionDef(c.name().getText(), params, decorators, async, block(c.block()), header,
                span(start, lastReal(c)));
    }

    private Stmt classdef(ClassdefContext c, List<Expr> decorators) {
        List<Expr> bases = new ArrayList<>();
        if (c.arglist() != null) {
            for (Arg a : arglist(c.arglist())) {
                if (a.keyword() == null && a.star() != 2) {
                    bases.add(a.star() == 1 ? new Expr.Opaque("starred", List.of(a.value()), a.span()) : a.value());
                }
            }
        }
        return new Stmt.ClassDef(c.name().getText(), bases, decorators, block(c.block()), span(c));
    }

    private Stmt matchStmt(Match_stmtContext c) {
        var s = c.subject_expr();
        List<Expr> elements = namedOrStarList(s.children);
        Expr subject = elements.size() == 1 && s.COMMA().isEmpty() ? elements.get(0) : new Expr.Tuple(elements, span(s));
        List<Stmt> cases = new ArrayList<>();
        for (Case_blockContext k : c.case_block()) {
            List<Expr> guard = k.namedexpr_test() == null ? List.of() : List.of(namedexpr(k.namedexpr_test()));
            cases.add(new Stmt.Opaque("case", guard, block(k.block()), span(k)));
        }
        return new Stmt.Opaque("match", List.of(subject), cases, span(c));
    }

    private static Stmt opaque(String kind, List<Expr> exprs, Span span) {
        return new Stmt.Opaque(kind, exprs, List.of(), span);
    }

    private List<Expr> names(List<NameContext> names) {
        List<Expr> out = new ArrayList<>(names.size());
        for (NameContext n : names) {
            out.add(nameExpr(n));
        }
        return out;
    }

    private Expr nameExpr(NameContext n) {
        return new Expr.Name(ident(n.start.getText()), span(n));
    }

    // ------------------------------------------------------------------ expressions

    private List<Expr> tests(List<TestContext> tests) {
        List<Expr> out = new ArrayList<>(tests.size());
        for (TestContext t : tests) {
            out.add(test(t));
        }
        return out;
    }

    // The expression rules nest several deep (test > or_test > expr > atom_expr > atom) and nearly every
    // level has one child: those levels step straight to the child instead of asking ANTLR's typed
    // accessors, which scan and copy the children list on every call (a fifth of a run's CPU).

    Expr namedexpr(Namedexpr_testContext c) {
        if (c.getChildCount() == 1) {
            return test((TestContext) c.getChild(0));
        }
        if (c.test().size() == 1) {
            return test(c.test(0));
        }
        Expr target = test(c.test(0));
        if (!(target instanceof Expr.Name)) {
            throw new PythonParser.InvalidSyntax("invalid syntax: cannot use assignment expressions with "
                    + "anything but a name", target.span().start());
        }
        return new Expr.Opaque("walrus", List.of(target, test(c.test(1))), span(c));
    }

    Expr test(TestContext c) {
        if (c.getChildCount() == 1 && c.getChild(0) instanceof Or_testContext o) {
            return orTest(o);
        }
        if (c.lambdef() != null) {
            return lambda(c.lambdef());
        }
        if (c.or_test().size() == 1) {
            return orTest(c.or_test(0));
        }
        return new Expr.Opaque("ifexp", List.of(orTest(c.or_test(0)), orTest(c.or_test(1)), test(c.test())), span(c));
    }

    private Expr lambda(LambdefContext c) {
        List<Expr> children = new ArrayList<>();
        if (c.varargslist() != null) {
            for (VparamContext p : c.varargslist().vparam()) {
                if (p.test() != null) {
                    children.add(test(p.test()));
                }
            }
        }
        children.add(test(c.test()));
        return new Expr.Opaque("lambda", children, span(c));
    }

    private Expr orTest(Or_testContext c) {
        if (c instanceof ComparisonTestContext k) {
            if (k.getChildCount() == 1) {
                return expr((ExprContext) k.getChild(0));
            }
            List<String> ops = new ArrayList<>();
            for (Comp_opContext op : k.comp_op()) {
                ops.add(op.getChildCount() == 1 ? op.getText()
                        : op.getChild(0).getText() + " " + op.getChild(1).getText());
            }
            List<ExprContext> operands = k.expr();
            List<Expr> comparators = new ArrayList<>(operands.size() - 1);
            for (int i = 1; i < operands.size(); i++) {
                comparators.add(expr(operands.get(i)));
            }
            return new Expr.Compare(expr(operands.get(0)), ops, comparators, span(k));
        }
        if (c instanceof NotTestContext n) {
            return new Expr.UnaryOp("not", orTest(n.or_test()), span(n));
        }
        // a and b and c arrives as ((a and b) and c): one BoolOp with every operand
        boolean and = c instanceof AndTestContext;
        List<Or_testContext> operands = new ArrayList<>();
        Or_testContext left = c;
        while (and ? left instanceof AndTestContext : left instanceof OrTestContext) {
            operands.add(left.getChild(Or_testContext.class, 1));
            left = left.getChild(Or_testContext.class, 0);
        }
        operands.add(left);
        List<Expr> values = new ArrayList<>(operands.size());
        for (int i = operands.size() - 1; i >= 0; i--) {
            values.add(orTest(operands.get(i)));
        }
        return new Expr.BoolOp(and ? "and" : "or", values, span(c));
    }

    Expr expr(ExprContext c) {
        if (c instanceof PrimaryExprContext p) {
            return atomExpr((Atom_exprContext) p.getChild(0)); // primaryExpr : atom_expr
        }
        if (c instanceof UnaryExprContext u) {
            return new Expr.UnaryOp(u.op.getText(), expr(u.expr()), span(u));
        }
        // left-deep chains such as long "a" + "b" + ... are unrolled to keep recursion shallow
        List<BinaryExprContext> spine = new ArrayList<>();
        ExprContext left = c;
        while (left instanceof BinaryExprContext b && !"**".equals(b.op.getText())) {
            spine.add(b);
            left = b.expr(0);
        }
        if (spine.isEmpty()) {
            BinaryExprContext b = (BinaryExprContext) c;
            return new Expr.BinOp(expr(b.expr(0)), "**", expr(b.expr(1)), span(b));
        }
        Expr acc = expr(left);
        for (int i = spine.size() - 1; i >= 0; i--) {
            BinaryExprContext b = spine.get(i);
            acc = new Expr.BinOp(acc, b.op.getText(), expr(b.expr(1)), span(b));
        }
        return acc;
    }

    private Expr starExpr(Star_exprContext c) {
        return new Expr.Opaque("starred", List.of(expr(c.expr())), span(c));
    }

    private Expr atomExpr(Atom_exprContext c) {
        int n = c.getChildCount();
        boolean await = c.getChild(0) instanceof TerminalNode;
        AtomContext atom = (AtomContext) c.getChild(await ? 1 : 0);
        Expr e = atom(atom);
        Token start = atom.start;
        for (int i = await ? 2 : 1; i < n; i++) {
            TrailerContext t = (TrailerContext) c.getChild(i);
            Token end = t.stop;
            if (t instanceof CallTrailerContext call) {
                // callTrailer : '(' arglist? ')'
                List<Arg> args = call.getChild(1) instanceof ArglistContext a ? arglist(a) : List.of();
                e = new Expr.Call(e, args, span(call.start, end), span(start, end));
            } else if (t instanceof SubscriptTrailerContext sub) {
                e = new Expr.Subscript(e, subscripts(sub.subscriptlist()), span(start, end));
            } else {
                var name = (NameContext) t.getChild(1); // attributeTrailer : '.' name
                e = new Expr.Attribute(e, ident(name.start.getText()), span(name), span(start, end));
            }
        }
        if (await) {
            return new Expr.Opaque("await", List.of(e), span(c));
        }
        return e;
    }

    private Expr subscripts(SubscriptlistContext c) {
        List<Expr> items = new ArrayList<>();
        for (SubscriptContext s : c.subscript()) {
            if (s instanceof IndexSubscriptContext i) {
                items.add(namedexpr(i.namedexpr_test()));
            } else if (s instanceof StarSubscriptContext st) {
                items.add(starExpr(st.star_expr()));
            } else {
                items.add(new Expr.Opaque("slice", tests(((SliceSubscriptContext) s).test()), span(s)));
            }
        }
        if (items.size() == 1 && c.COMMA().isEmpty()) {
            return items.get(0);
        }
        return new Expr.Tuple(items, span(c));
    }

    private Expr atom(AtomContext c) {
        Span span = span(c);
        if (c instanceof NameAtomContext n) {
            return new Expr.Name(ident(n.start.getText()), span);
        }
        if (c instanceof StringAtomContext s) {
            List<StrPiece> pieces = new ArrayList<>();
            boolean bytes = false;
            for (int k = 0, n = s.getChildCount(); k < n; k++) { // stringAtom : STRING+
                Token tok = ((TerminalNode) s.getChild(k)).getSymbol();
                strings.decode(tok.getStartIndex(), tok.getStopIndex() + 1, fieldParser, pieces);
                String text = tok.getText();
                for (int i = 0; i < text.length() && text.charAt(i) != '\'' && text.charAt(i) != '"'; i++) {
                    bytes |= text.charAt(i) == 'b' || text.charAt(i) == 'B';
                }
            }
            return new Expr.Str(pieces, bytes, span);
        }
        if (c instanceof NumberAtomContext) {
            return new Expr.Num(c.start.getText(), span);
        }
        if (c instanceof ConstAtomContext) {
            return new Expr.Const(ident(c.start.getText()), span);
        }
        if (c instanceof ParenAtomContext p) {
            if (p.yield_expr() != null) {
                return yieldExpr(p.yield_expr());
            }
            if (p.testlist_comp() == null) {
                return new Expr.Tuple(List.of(), span);
            }
            var t = p.testlist_comp();
            if (t.comp_for() != null) {
                return comprehension("genexp", namedOrStarList(t.children), t.comp_for(), span);
            }
            List<Expr> elements = namedOrStarList(t.children);
            if (elements.size() == 1 && t.COMMA().isEmpty()) {
                return elements.get(0);
            }
            return new Expr.Tuple(elements, span);
        }
        if (c instanceof ListAtomContext l) {
            var t = l.testlist_comp();
            if (t == null) {
                return new Expr.ListExpr(List.of(), span);
            }
            if (t.comp_for() != null) {
                return comprehension("listcomp", namedOrStarList(t.children), t.comp_for(), span);
            }
            return new Expr.ListExpr(namedOrStarList(t.children), span);
        }
        var b = (BraceAtomContext) c;
        if (b.dictorsetmaker() == null) {
            return new Expr.Dict(List.of(), List.of(), span);
        }
        if (b.dictorsetmaker() instanceof SetMakerContext s) {
            List<Expr> elements = namedOrStarList(s.children);
            if (s.comp_for() != null) {
                return comprehension("setcomp", elements, s.comp_for(), span);
            }
            return new Expr.Opaque("set", elements, span);
        }
        var d = (DictMakerContext) b.dictorsetmaker();
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (Dict_itemContext item : d.dict_item()) {
            if (item.expr() != null) {
                keys.add(null);
                values.add(expr(item.expr()));
            } else {
                keys.add(test(item.test(0)));
                values.add(test(item.test(1)));
            }
        }
        if (d.comp_for() != null) {
            return comprehension("dictcomp", Expr.Dict.items(keys, values), d.comp_for(), span);
        }
        return new Expr.Dict(keys, values, span);
    }

    /** Children are the element(s), then each clause's iterable and conditions, in source order. */
    private Expr comprehension(String kind, List<Expr> elements, Comp_forContext first, Span span) {
        List<Expr> children = new ArrayList<>(elements);
        ParserRuleContext clause = first;
        while (clause != null) {
            if (clause instanceof Comp_forContext f) {
                children.add(orTest(f.or_test()));
                clause = f.comp_for() != null ? f.comp_for() : f.comp_if();
            } else {
                var i = (Comp_ifContext) clause;
                children.add(orTest(i.or_test()));
                clause = i.comp_for() != null ? i.comp_for() : i.comp_if();
            }
        }
        return new Expr.Opaque(kind, children, span);
    }

    private List<Expr> namedOrStarList(List<ParseTree> children) {
        List<Expr> out = new ArrayList<>();
        for (ParseTree child : children) {
            if (child instanceof Namedexpr_testContext n) {
                out.add(namedexpr(n));
            } else if (child instanceof Star_exprContext s) {
                out.add(starExpr(s));
            }
        }
        return out;
    }

    private List<Arg> arglist(ArglistContext c) {
        List<Arg> out = new ArrayList<>();
        boolean keywordSeen = false;
        boolean doubleStarSeen = false;
        // arglist : argument ( ',' argument )* ','?  and  positionalArgument : namedexpr_test comp_for?
        for (int i = 0, n = c.getChildCount(); i < n; i++) {
            if (!(c.getChild(i) instanceof ArgumentContext a)) {
                continue;
            }
            Span span = span(a);
            boolean positional = a instanceof PositionalArgumentContext;
            boolean generator = positional && a.getChildCount() > 1;
            if (positional && (keywordSeen || doubleStarSeen)) {
                throw new PythonParser.InvalidSyntax("invalid syntax: positional argument follows keyword argument"
                        + (doubleStarSeen ? " unpacking" : ""), span.start());
            }
            if (a instanceof StarArgumentContext && doubleStarSeen) {
                throw new PythonParser.InvalidSyntax("invalid syntax: iterable argument unpacking follows keyword "
                        + "argument unpacking", span.start());
            }
            if (generator && n > 1) {
                throw new PythonParser.InvalidSyntax("invalid syntax: generator expression must be parenthesized",
                        span.start());
            }
            keywordSeen |= a instanceof KeywordArgumentContext;
            doubleStarSeen |= a instanceof DoubleStarArgumentContext;
            if (a instanceof KeywordArgumentContext k) {
                // keywordArgument : name '=' test; the name's token is the argument's first
                out.add(new Arg(ident(k.start.getText()), 0, test(first(k, TestContext.class)), span));
            } else if (a instanceof StarArgumentContext s) {
                out.add(new Arg(null, 1, test(s.test()), span));
            } else if (a instanceof DoubleStarArgumentContext s) {
                out.add(new Arg(null, 2, test(s.test()), span));
            } else if (generator) {
                out.add(new Arg(null, 0, comprehension("genexp", List.of(namedexpr((Namedexpr_testContext) a.getChild(0))),
                        (Comp_forContext) a.getChild(1), span), span));
            } else {
                out.add(new Arg(null, 0, namedexpr((Namedexpr_testContext) a.getChild(0)), span));
            }
        }
        return out;
    }

    private Expr yieldExpr(Yield_exprContext c) {
        if (c.FROM() != null) {
            return new Expr.Opaque("yieldfrom", List.of(test(c.test())), span(c));
        }
        List<Expr> value = c.testlist_star_expr() == null ? List.of() : List.of(testlistStar(c.testlist_star_expr()));
        return new Expr.Opaque("yield", value, span(c));
    }

    Expr testlistStar(Testlist_star_exprContext c) {
        if (c.getChildCount() == 1 && c.getChild(0) instanceof TestContext t) {
            return test(t);
        }
        List<Expr> items = new ArrayList<>();
        for (ParseTree child : c.children) {
            if (child instanceof TestContext t) {
                items.add(test(t));
            } else if (child instanceof Star_exprContext s) {
                items.add(starExpr(s));
            }
        }
        if (items.size() == 1 && c.COMMA().isEmpty()) {
            return items.get(0);
        }
        return new Expr.Tuple(items, span(c));
    }

    private List<Expr> exprlistElements(ExprlistContext c) {
        List<Expr> items = new ArrayList<>();
        for (ParseTree child : c.children) {
            if (child instanceof ExprContext e) {
                items.add(expr(e));
            } else if (child instanceof Star_exprContext s) {
                items.add(starExpr(s));
            }
        }
        return items;
    }

    private Expr exprlist(ExprlistContext c) {
        List<Expr> items = exprlistElements(c);
        if (items.size() == 1 && c.COMMA().isEmpty()) {
            return items.get(0);
        }
        return new Expr.Tuple(items, span(c));
    }
}
