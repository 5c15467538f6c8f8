package dev.idemlint.python;

import static dev.idemlint.python.antlr.MigrationPythonLexer.*;

import dev.idemlint.python.antlr.TokenArray;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The fast path of {@link PythonParser}: {@code grammar/MigrationPythonParser.g4} as a
 * recursive-descent parser that builds our {@link Stmt}/{@link Expr} records straight from the
 * token arrays, the same records {@link SyntaxNodeBuilder} makes from ANTLR's parse tree.
 *
 * <p>It covers what migrations are written in (statements, calls, literals, comprehensions,
 * lambdas, decorators, classes, walrus, await) and gives up on the rest: {@code match}
 * statements, {@code type} aliases, {@code yield}, async comprehensions, type parameters, and every
 * syntax error. Giving up throws {@link Bail}, and {@link PythonParser} parses the file again with ANTLR,
 * which also produces the error messages, so a file either gets exactly ANTLR's result or is
 * parsed by ANTLR. {@code DescentParserTest} holds it to that: on every Python file of the test
 * resources, the real projects and thousands of mutated files, whatever this parser accepts must
 * equal the ANTLR result (spans included), and nothing ANTLR rejects may be accepted.
 *
 * <p>Each decision reads at most two tokens, in the places ANTLR's prediction also decides with
 * them: a keyword argument is a name followed by {@code =}; a dict display has {@code :} after its
 * first key; a slice has {@code :}; after a comma, a list goes on when the next token can start
 * its element (the FIRST sets below), otherwise the comma was a trailing one.
 */
final class DescentParser {

    /** The input leaves this parser's subset or is not valid Python: ANTLR takes over. */
    static final class Bail extends RuntimeException {
        static final Bail INSTANCE = new Bail();

        private Bail() {
            super("outside the descent parser's subset", null, false, false);
        }
    }

    private final String src;
    private final int shift;
    private final int[] types;
    private final int[] starts;
    private final int[] stops;
    private final StringLiteralDecoder strings;
    private final StringLiteralDecoder.FieldParser fieldParser;
    /** {@code src}'s chars when the caller had them (then names are looked up in {@link #names}), else null. */
    private final char[] chars;
    private final RecentTexts names;
    private int p;
    /**
     * The {@link #test}, {@link #notTest} and {@link #expr} calls under way. Outside brackets each
     * one below the first builds a level of the tree (a unary operand, a binary operator's right
     * operand, the else of a conditional, a lambda's body); inside, each of the tokenizer's 200
     * bracket levels adds three that may build none. So past {@link #MAX_NESTING} the tree is at least
     * {@link NestingLimit#MAX_DEPTH} levels deep: CPython's own limit, reported before this parser's
     * recursion goes further.
     */
    private int nesting;
    private static final int MAX_NESTING = NestingLimit.MAX_DEPTH + 3 * 200 + 3;

    DescentParser(String src, int shift, TokenArray tokens, StringLiteralDecoder.FieldParser fieldParser) {
        this(src, null, shift, tokens, fieldParser);
    }

    /** {@code chars}: {@code src}'s chars when the caller has them (the tokenizer's), else null. */
    DescentParser(String src, char[] chars, int shift, TokenArray tokens, StringLiteralDecoder.FieldParser fieldParser) {
        this.src = src;
        this.shift = shift;
        this.types = tokens.types();
        this.starts = tokens.starts();
        this.stops = tokens.stops();
        this.strings = new StringLiteralDecoder(src, chars, shift);
        this.fieldParser = fieldParser;
        this.chars = chars;
        this.names = chars == null ? null : RecentTexts.mine();
    }

    /** {@code file_input : ( NEWLINE | stmt )* EOF}; throws {@link Bail}. */
    List<Stmt> module() {
        List<Stmt> out = new ArrayList<>();
        while (types[p] != Token.EOF) {
            if (types[p] == NEWLINE) {
                p++;
            } else {
                stmt(out);
            }
        }
        return out;
    }

    /** {@code fstring_field : ( yield_expr | testlist_star_expr ) NEWLINE? EOF}; throws {@link Bail}. */
    Expr field() {
        Expr e = testlistStar();
        if (types[p] == NEWLINE) {
            p++;
        }
        expect(Token.EOF);
        return e;
    }

    // ------------------------------------------------------------------ tokens and spans

    private void expect(int type) {
        if (types[p] != type) {
            throw Bail.INSTANCE;
        }
        if (type != Token.EOF) {
            p++;
        }
    }

    /** After a list element: consumes a comma if there is one, and says whether it was there. */
    private boolean comma() {
        if (types[p] != COMMA) {
            return false;
        }
        p++;
        return true;
    }

    /**
     * After an element of {@code x ( sep x )* sep?} ending before {@code end}: consumes a {@code sep}
     * and says whether another element follows (false after the last one or a trailing separator).
     */
    private boolean more(int sep, int end) {
        if (types[p] != sep) {
            return false;
        }
        p++;
        return types[p] != end;
    }

    /**
     * After an element of a comma list: consumes a {@code ,} and says whether another element follows,
     * one that {@code test} or token {@code also} starts (false after the last one or a trailing comma).
     */
    private boolean moreTests(int also) {
        return comma() && (startsTest(types[p]) || types[p] == also);
    }

    private static boolean isName(int type) {
        return type == NAME || type == MATCH || type == CASE || type == TYPE;
    }

    /** {@code name : NAME | MATCH | CASE | TYPE}: the token's index. */
    private int name() {
        if (!isName(types[p])) {
            throw Bail.INSTANCE;
        }
        return p++;
    }

    private String text(int i) {
        return src.substring(starts[i], stops[i] + 1);
    }

    /**
     * The shared copy ({@link SyntaxNodeBuilder#ident}) of token {@code i}'s text, found from its
     * chars when this thread met the name before ({@link RecentTexts}).
     */
    private String ident(int i) {
        int start = starts[i];
        int len = stops[i] + 1 - start;
        if (names == null || len > RecentTexts.LONGEST) {
            return SyntaxNodeBuilder.ident(text(i));
        }
        return names.of(src, chars, start, len, true);
    }

    /** From the start of token {@code from} to the end of token {@code to}, as SyntaxNodeBuilder.span. */
    private Span span(int from, int to) {
        int start = starts[from];
        return new Span(shift + start, shift + Math.max(start, stops[to] + 1));
    }

    /** From token {@code from} to the last token consumed. */
    private Span spanFrom(int from) {
        return span(from, p - 1);
    }

    /** From token {@code from} to the last consumed token that is not layout (NEWLINE/INDENT/DEDENT). */
    private Span spanToLastReal(int from) {
        return span(from, lastReal(from));
    }

    private int lastReal(int from) {
        int i = p - 1;
        while (i > from && (types[i] == NEWLINE || types[i] == INDENT || types[i] == DEDENT)) {
            i--;
        }
        return i;
    }

    /** FIRST(test): the tokens an expression (including {@code not} and {@code lambda}) can start with. */
    private static boolean startsTest(int type) {
        return type == NOT || type == LAMBDA || startsExpr(type);
    }

    /** FIRST(expr). */
    private static boolean startsExpr(int type) {
        return switch (type) {
            case ADD, MINUS, NOT_OP, AWAIT, OPEN_PAREN, OPEN_BRACK, OPEN_BRACE, NAME, MATCH, CASE, TYPE, NUMBER,
                    STRING, ELLIPSIS, NONE, TRUE, FALSE -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ statements

    private void stmt(List<Stmt> out) {
        switch (types[p]) {
            case IF -> out.add(ifStmt());
            case WHILE -> out.add(whileStmt());
            case FOR -> out.add(forStmt(false, p));
            case TRY -> out.add(tryStmt());
            case WITH -> out.add(withStmt(false, p));
            case DEF -> out.add(funcdef(List.of(), false, p));
            case CLASS -> out.add(classdef(List.of()));
            case AT -> out.add(decorated());
            case ASYNC -> out.add(asyncStmt());
            // soft keywords: `type X = ...` and `match x:` are left to ANTLR; as plain names
            // (`type = sa.Column(...)`, `match = re.match(...)`) they start an expression statement
            case TYPE -> {
                if (isName(types[p + 1])) {
                    throw Bail.INSTANCE;
                }
                simpleStmts(out);
            }
            case MATCH -> {
                int next = types[p + 1];
                if (next != ASSIGN && next != DOT && next != NEWLINE && next != SEMI_COLON
                        && !(next >= ADD_ASSIGN && next <= IDIV_ASSIGN)) {
                    throw Bail.INSTANCE;
                }
                simpleStmts(out);
            }
            default -> simpleStmts(out);
        }
    }

    /** {@code simple_stmts : simple_stmt ( ';' simple_stmt )* ';'? NEWLINE}. */
    private void simpleStmts(List<Stmt> out) {
        do {
            out.add(simple());
        } while (more(SEMI_COLON, NEWLINE));
        expect(NEWLINE);
    }

    /** {@code block : simple_stmts | NEWLINE INDENT stmt+ DEDENT}. */
    private List<Stmt> block() {
        List<Stmt> out = new ArrayList<>();
        if (types[p] != NEWLINE) {
            simpleStmts(out);
            return out;
        }
        p++;
        expect(INDENT);
        do {
            stmt(out);
        } while (types[p] != DEDENT);
        p++;
        return out;
    }

    private Stmt simple() {
        int start = p;
        switch (types[p]) {
            case RETURN -> {
                p++;
                Expr value = types[p] == NEWLINE || types[p] == SEMI_COLON ? null : testlistStar();
                return new Stmt.Return(value, spanFrom(start));
            }
            case IMPORT -> {
                return importName(start);
            }
            case FROM -> {
                return importFrom(start);
            }
            case PASS -> {
                p++;
                return opaque("pass", List.of(), spanFrom(start));
            }
            case BREAK -> {
                p++;
                return opaque("break", List.of(), spanFrom(start));
            }
            case CONTINUE -> {
                p++;
                return opaque("continue", List.of(), spanFrom(start));
            }
            case DEL -> {
                p++;
                List<Expr> targets = exprlistElements();
                for (Expr t : targets) {
                    if (t instanceof Expr.Opaque o && o.kind().equals("starred")) {
                        throw Bail.INSTANCE;
                    }
                    checkTarget(t, true, null);
                }
                return opaque("del", targets, spanFrom(start));
            }
            case RAISE -> {
                p++;
                List<Expr> exprs = new ArrayList<>(2);
                if (startsTest(types[p])) {
                    exprs.add(test());
                    if (types[p] == FROM) {
                        p++;
                        exprs.add(test());
                    }
                }
                return opaque("raise", exprs, spanFrom(start));
            }
            case GLOBAL, NONLOCAL -> {
                String kind = types[p] == GLOBAL ? "global" : "nonlocal";
                p++;
                List<Expr> names = new ArrayList<>();
                do {
                    names.add(nameExpr(name()));
                } while (comma());
                return opaque(kind, names, spanFrom(start));
            }
            case ASSERT -> {
                p++;
                List<Expr> exprs = new ArrayList<>(2);
                exprs.add(test());
                if (types[p] == COMMA) {
                    p++;
                    exprs.add(test());
                }
                return opaque("assert", exprs, spanFrom(start));
            }
            case YIELD -> throw Bail.INSTANCE;
            default -> {
                return exprStmt(start);
            }
        }
    }

    private static Stmt opaque(String kind, List<Expr> exprs, Span span) {
        return new Stmt.Opaque(kind, exprs, List.of(), span);
    }

    /**
     * {@code expr_stmt : testlist_star_expr ( annassign | augassign testlist_star_expr
     * | ( '=' testlist_star_expr )* )}.
     */
    private Stmt exprStmt(int start) {
        Expr first = testlistStar();
        int type = types[p];
        if (type == COLON) {
            p++;
            Expr annotation = test();
            Expr value = null;
            if (types[p] == ASSIGN) {
                p++;
                value = testlistStar();
            }
            checkTarget(first, false, "annotated");
            return new Stmt.AnnAssign(first, annotation, value, spanFrom(start));
        }
        if (type >= ADD_ASSIGN && type <= IDIV_ASSIGN) {
            String op = text(p);
            p++;
            Expr value = testlistStar();
            checkTarget(first, false, "augmented");
            return new Stmt.AugAssign(first, op, value, spanFrom(start));
        }
        if (type != ASSIGN) {
            // most statements of a migration are one call, `op.add_column(...)`: the expression's
            // span is the statement's, and the model keeps both (one object for the two)
            Span span = spanFrom(start);
            return new Stmt.ExprStmt(first, span.equals(first.span()) ? first.span() : span);
        }
        List<Expr> parts = new ArrayList<>(3);
        parts.add(first);
        while (types[p] == ASSIGN) {
            p++;
            parts.add(testlistStar());
        }
        List<Expr> targets = List.copyOf(parts.subList(0, parts.size() - 1));
        for (Expr t : targets) {
            checkTarget(t, true, null);
        }
        return new Stmt.Assign(targets, parts.get(parts.size() - 1), spanFrom(start));
    }

    private static void checkTarget(Expr target, boolean allowUnpacking, String context) {
        try {
            SyntaxNodeBuilder.checkTarget(target, allowUnpacking, context);
        } catch (PythonParser.InvalidSyntax e) {
            throw Bail.INSTANCE;
        }
    }

    /** {@code import_name : 'import' dotted_as_name ( ',' dotted_as_name )*}. */
    private Stmt importName(int start) {
        p++;
        List<Stmt.ImportName> names = new ArrayList<>();
        do {
            names.add(aliased(dottedName()));
        } while (comma());
        return new Stmt.Import(null, names, spanFrom(start));
    }

    /** {@code name} (already read) and the {@code ( 'as' name )?} after it. */
    private Stmt.ImportName aliased(String name) {
        String alias = null;
        if (types[p] == AS) {
            p++;
            alias = text(name());
        }
        return new Stmt.ImportName(name, alias);
    }

    /** {@code dotted_name : name ( '.' name )*}, as its text. */
    private String dottedName() {
        int first = name();
        if (types[p] != DOT) {
            return text(first);
        }
        StringBuilder sb = new StringBuilder(text(first));
        while (types[p] == DOT) {
            p++;
            sb.append('.').append(text(name()));
        }
        return sb.toString();
    }

    /**
     * {@code import_from : 'from' ( ( '.' | '...' )* dotted_name | ( '.' | '...' )+ ) 'import'
     * ( '*' | '(' import_as_names ')' | import_as_names )}.
     */
    private Stmt importFrom(int start) {
        p++;
        StringBuilder module = new StringBuilder();
        boolean dots = false;
        while (types[p] == DOT || types[p] == ELLIPSIS) {
            module.append(types[p] == DOT ? "." : "...");
            dots = true;
            p++;
        }
        if (isName(types[p])) {
            module.append(dottedName());
        } else if (!dots) {
            throw Bail.INSTANCE;
        }
        expect(IMPORT);
        List<Stmt.ImportName> names = new ArrayList<>();
        if (types[p] == STAR) {
            p++;
            names.add(new Stmt.ImportName("*", null));
        } else if (types[p] == OPEN_PAREN) {
            p++;
            importAsNames(names);
            expect(CLOSE_PAREN);
        } else {
            importAsNames(names);
        }
        return new Stmt.Import(module.toString(), names, spanFrom(start));
    }

    /** {@code import_as_names : import_as_name ( ',' import_as_name )* ','?}. */
    private void importAsNames(List<Stmt.ImportName> out) {
        do {
            out.add(aliased(text(name())));
        } while (comma() && isName(types[p]));
    }

    private Stmt ifStmt() {
        int start = p;
        p++;
        Expr test = namedexpr();
        expect(COLON);
        List<Stmt> body = block();
        List<int[]> elifStarts = null;
        List<Expr> elifTests = null;
        List<List<Stmt>> elifBodies = null;
        while (types[p] == ELIF) {
            if (elifStarts == null) {
                elifStarts = new ArrayList<>();
                elifTests = new ArrayList<>();
                elifBodies = new ArrayList<>();
            }
            elifStarts.add(new int[] {p});
            p++;
            elifTests.add(namedexpr());
            expect(COLON);
            elifBodies.add(block());
        }
        List<Stmt> orelse = elseBlock();
        int end = lastReal(start);
        if (elifStarts != null) {
            for (int i = elifStarts.size() - 1; i >= 0; i--) {
                orelse = List.of(new Stmt.If(elifTests.get(i), elifBodies.get(i), orelse, true,
                        span(elifStarts.get(i)[0], end)));
            }
        }
        return new Stmt.If(test, body, orelse, false, span(start, end));
    }

    /** {@code else_clause?}: its block, or empty. */
    private List<Stmt> elseBlock() {
        if (types[p] != ELSE) {
            return List.of();
        }
        p++;
        expect(COLON);
        return block();
    }

    private Stmt whileStmt() {
        int start = p;
        p++;
        Expr test = namedexpr();
        expect(COLON);
        List<Stmt> body = block();
        List<Stmt> orelse = elseBlock();
        return new Stmt.While(test, body, orelse, spanToLastReal(start));
    }

    /** {@code for_stmt : 'for' exprlist 'in' testlist_star_expr ':' block else_clause?}. */
    private Stmt forStmt(boolean async, int start) {
        p++;
        Expr target = exprlist();
        checkTarget(target, true, null);
        expect(IN);
        Expr iter = testlistStar();
        expect(COLON);
        List<Stmt> body = block();
        List<Stmt> orelse = elseBlock();
        return new Stmt.For(target, iter, body, orelse, async, spanToLastReal(start));
    }

    /**
     * {@code try_stmt : 'try' ':' block ( except_clause+ else_clause? finally_clause? | finally_clause )}.
     */
    private Stmt tryStmt() {
        int start = p;
        p++;
        expect(COLON);
        List<Stmt> body = block();
        List<Stmt.Handler> handlers = new ArrayList<>();
        while (types[p] == EXCEPT) {
            // except_clause : 'except' '*'? ( test ( 'as' name )? )? ':' block
            int handlerStart = p;
            p++;
            if (types[p] == STAR) {
                p++;
            }
            Expr type = null;
            String name = null;
            if (types[p] != COLON) {
                type = test();
                if (types[p] == AS) {
                    p++;
                    name = text(name());
                }
            }
            expect(COLON);
            List<Stmt> handlerBody = block();
            handlers.add(new Stmt.Handler(type, name, handlerBody, spanToLastReal(handlerStart)));
        }
        List<Stmt> orelse = List.of();
        if (!handlers.isEmpty()) {
            orelse = elseBlock();
        }
        List<Stmt> fin = List.of();
        if (types[p] == FINALLY) {
            p++;
            expect(COLON);
            fin = block();
        } else if (handlers.isEmpty()) {
            throw Bail.INSTANCE;
        }
        return new Stmt.Try(body, handlers, orelse, fin, spanToLastReal(start));
    }

    /**
     * {@code with_stmt : 'with' ( '(' with_item ( ',' with_item )* ','? ')' | with_item ( ',' with_item )* ) ':' block}.
     * ANTLR takes the parenthesized alternative whenever it reaches the colon ({@code with (a, b):}
     * fits both; the first alternative wins a tie), so that is tried first and abandoned, back to
     * the opening parenthesis, when the closing one is not followed by {@code :}
     * ({@code with (a) as b:}, {@code with (a + b).c():}).
     */
    private Stmt withStmt(boolean async, int start) {
        p++;
        List<Stmt.WithItem> items = null;
        if (types[p] == OPEN_PAREN) {
            int open = p++;
            items = new ArrayList<>(2);
            do {
                items.add(withItem());
            } while (more(COMMA, CLOSE_PAREN));
            if (types[p] == CLOSE_PAREN && types[p + 1] == COLON) {
                p++;
            } else {
                items = null;
                p = open;
            }
        }
        if (items == null) {
            items = new ArrayList<>(2);
            do {
                items.add(withItem());
            } while (comma());
        }
        int colon = p;
        expect(COLON);
        Span header = span(start, colon);
        List<Stmt> body = block();
        return new Stmt.With(items, body, async, header, spanToLastReal(start));
    }

    /** {@code with_item : test ( 'as' expr )?}. */
    private Stmt.WithItem withItem() {
        Expr context = test();
        Expr vars = null;
        if (types[p] == AS) {
            p++;
            vars = expr(0);
            checkTarget(vars, true, null);
        }
        return new Stmt.WithItem(context, vars);
    }

    /** {@code funcdef : 'def' name '(' typedargslist? ')' ( '->' test )? ':' block} (no type parameters). */
    private Stmt funcdef(List<Expr> decorators, boolean async, int start) {
        expect(DEF);
        String name = text(name());
        expect(OPEN_PAREN);
        List<String> params = new ArrayList<>();
        if (types[p] != CLOSE_PAREN) {
            do {
                params.add(tparam());
            } while (more(COMMA, CLOSE_PAREN));
        }
        expect(CLOSE_PAREN);
        if (types[p] == ARROW) {
            p++;
            test();
        }
        int colon = p;
        expect(COLON);
        Span header = span(start, colon);
        List<Stmt> body = block();
        return new Stmt.FunctionDef(name, params, decorators, async, body, header, spanToLastReal(start));
    }

    /**
     * {@code tparam : name ( ':' test )? ( '=' test )? | '*' ( name ( ':' ( test | star_expr ) )? )?
     * | '**' name ( ':' test )? | '/'}: the parameter as SyntaxNodeBuilder names it.
     */
    private String tparam() {
        switch (types[p]) {
            case DIV -> {
                p++;
                return "/";
            }
            case STAR -> {
                p++;
                if (!isName(types[p])) {
                    return "*";
                }
                String name = text(p++);
                if (types[p] == COLON) {
                    p++;
                    if (types[p] == STAR) {
                        starExpr();
                    } else {
                        test();
                    }
                }
                return "*" + name;
            }
            case POWER -> {
                p++;
                String name = text(name());
                if (types[p] == COLON) {
                    p++;
                    test();
                }
                return "**" + name;
            }
            default -> {
                String name = text(name());
                if (types[p] == COLON) {
                    p++;
                    test();
                }
                if (types[p] == ASSIGN) {
                    p++;
                    test();
                }
                return name;
            }
        }
    }

    /** {@code classdef : 'class' name ( '(' arglist? ')' )? ':' block} (no type parameters). */
    private Stmt classdef(List<Expr> decorators) {
        int start = p;
        expect(CLASS);
        String name = text(name());
        List<Expr> bases = new ArrayList<>();
        if (types[p] == OPEN_PAREN) {
            p++;
            if (types[p] != CLOSE_PAREN) {
                for (Arg a : arglist()) {
                    if (a.keyword() == null && a.star() != 2) {
                        bases.add(a.star() == 1 ? new Expr.Opaque("starred", List.of(a.value()), a.span()) : a.value());
                    }
                }
            }
            expect(CLOSE_PAREN);
        }
        expect(COLON);
        List<Stmt> body = block();
        return new Stmt.ClassDef(name, bases, decorators, body, spanToLastReal(start));
    }

    /** {@code decorated : decorator+ ( classdef | funcdef | ASYNC funcdef )}, {@code decorator : '@' namedexpr_test NEWLINE}. */
    private Stmt decorated() {
        List<Expr> decorators = new ArrayList<>(1);
        while (types[p] == AT) {
            p++;
            decorators.add(namedexpr());
            expect(NEWLINE);
        }
        return switch (types[p]) {
            case CLASS -> classdef(decorators);
            case DEF -> funcdef(decorators, false, p);
            case ASYNC -> {
                int start = p++;
                yield funcdef(decorators, true, start);
            }
            default -> throw Bail.INSTANCE;
        };
    }

    /** {@code async_stmt : ASYNC ( funcdef | with_stmt | for_stmt )}. */
    private Stmt asyncStmt() {
        int start = p++;
        return switch (types[p]) {
            case DEF -> funcdef(List.of(), true, start);
            case WITH -> withStmt(true, start);
            case FOR -> forStmt(true, start);
            default -> throw Bail.INSTANCE;
        };
    }

    private Expr nameExpr(int i) {
        return new Expr.Name(ident(i), span(i, i));
    }

    // ------------------------------------------------------------------ expressions

    /** {@code namedexpr_test : test ( ':=' test )?}. */
    private Expr namedexpr() {
        int start = p;
        Expr e = test();
        return types[p] == WALRUS ? walrus(start, e) : e;
    }

    /** The rest of {@code target := value} from {@code :=}, as SyntaxNodeBuilder.namedexpr builds it. */
    private Expr walrus(int start, Expr target) {
        if (!(target instanceof Expr.Name)) {
            throw Bail.INSTANCE;
        }
        p++;
        Expr value = test();
        return new Expr.Opaque("walrus", List.of(target, value), spanFrom(start));
    }

    /** One more {@link #nesting} level; a syntax error past {@link #MAX_NESTING}. */
    private void nest() {
        if (++nesting > MAX_NESTING) {
            throw new PythonParser.InvalidSyntax(NestingLimit.message(), shift + starts[p]);
        }
    }

    /** {@code test : or_test ( 'if' or_test 'else' test )? | lambdef}. */
    private Expr test() {
        nest();
        Expr e = testNested();
        nesting--;
        return e;
    }

    private Expr testNested() {
        if (types[p] == LAMBDA) {
            return lambda();
        }
        int start = p;
        Expr body = orTest();
        if (types[p] != IF) {
            return body;
        }
        p++;
        Expr condition = orTest();
        expect(ELSE);
        Expr orelse = test();
        return new Expr.Opaque("ifexp", List.of(body, condition, orelse), spanFrom(start));
    }

    /**
     * {@code lambdef : 'lambda' varargslist? ':' test}, {@code vparam : name ( '=' test )? | '*' name?
     * | '**' name | '/'}: children are the parameter defaults, then the body.
     */
    private Expr lambda() {
        int start = p++;
        List<Expr> children = new ArrayList<>(2);
        if (types[p] != COLON) {
            do {
                vparam(children);
            } while (more(COMMA, COLON));
        }
        expect(COLON);
        children.add(test());
        return new Expr.Opaque("lambda", children, spanFrom(start));
    }

    /** {@code vparam : name ( '=' test )? | '*' name? | '**' name | '/'}: a default goes to {@code defaults}. */
    private void vparam(List<Expr> defaults) {
        switch (types[p]) {
            case DIV -> p++;
            case STAR -> {
                p++;
                if (isName(types[p])) {
                    p++;
                }
            }
            case POWER -> {
                p++;
                name();
            }
            default -> {
                name();
                if (types[p] == ASSIGN) {
                    p++;
                    defaults.add(test());
                }
            }
        }
    }

    /** {@code or_test} at the level of {@code or}: one BoolOp with every operand. */
    private Expr orTest() {
        return boolOp(OR);
    }

    /**
     * {@code a or b or c} ({@code op} OR, operands at the level of {@code and}) or {@code a and b}
     * ({@code op} AND, operands {@link #notTest}): one BoolOp with every operand, as
     * SyntaxNodeBuilder flattens ANTLR's left-nested tree.
     */
    private Expr boolOp(int op) {
        int start = p;
        Expr first = op == OR ? boolOp(AND) : notTest();
        if (types[p] != op) {
            return first;
        }
        List<Expr> values = new ArrayList<>(3);
        values.add(first);
        while (types[p] == op) {
            p++;
            values.add(op == OR ? boolOp(AND) : notTest());
        }
        return new Expr.BoolOp(op == OR ? "or" : "and", values, spanFrom(start));
    }

    /** {@code 'not' or_test} (binding tighter than and/or) or {@code expr ( comp_op expr )*}. */
    private Expr notTest() {
        nest();
        Expr e = notTestNested();
        nesting--;
        return e;
    }

    private Expr notTestNested() {
        int start = p;
        if (types[p] == NOT) {
            p++;
            Expr operand = notTest();
            return new Expr.UnaryOp("not", operand, spanFrom(start));
        }
        Expr left = expr(0);
        String op = compOp();
        if (op == null) {
            return left;
        }
        List<String> ops = new ArrayList<>(1);
        List<Expr> comparators = new ArrayList<>(1);
        do {
            ops.add(op);
            comparators.add(expr(0));
            op = compOp();
        } while (op != null);
        return new Expr.Compare(left, ops, comparators, spanFrom(start));
    }

    /** {@code comp_op}, consumed, as SyntaxNodeBuilder spells it; null (nothing consumed) if none follows. */
    private String compOp() {
        String op = switch (types[p]) {
            case LESS_THAN -> "<";
            case GREATER_THAN -> ">";
            case EQUALS -> "==";
            case GT_EQ -> ">=";
            case LT_EQ -> "<=";
            case NOT_EQ -> "!=";
            case IN -> "in";
            case IS -> types[p + 1] == NOT ? "is not" : "is";
            case NOT -> types[p + 1] == IN ? "not in" : null;
            default -> null;
        };
        if (op != null) {
            p += op.equals("is not") || op.equals("not in") ? 2 : 1;
        }
        return op;
    }

    /**
     * Binary precedence of {@code type} as in the grammar's {@code expr} rule (earlier alternatives
     * bind tighter), or -1: '**' 8, unary operators 7, '* @ / % //' 6, '+ -' 5, shifts 4, '&' 3,
     * '^' 2, '|' 1.
     */
    private static int binaryPrecedence(int type) {
        return switch (type) {
            case POWER -> 8;
            case STAR, AT, DIV, MOD, IDIV -> 6;
            case ADD, MINUS -> 5;
            case LEFT_SHIFT, RIGHT_SHIFT -> 4;
            case AND_OP -> 3;
            case XOR -> 2;
            case OR_OP -> 1;
            default -> -1;
        };
    }

    private static final int UNARY_PRECEDENCE = 7;

    /**
     * {@code expr} parsed as ANTLR parses a left-recursive rule at precedence {@code min}: a primary
     * (an atom expression, or a prefix operator applied to {@code expr(7)}), then every binary
     * operator whose precedence is at least {@code min}, its right operand at one level higher
     * ({@code **}: the same level, it is right-associative).
     */
    private Expr expr(int min) {
        nest();
        Expr e = exprNested(min);
        nesting--;
        return e;
    }

    private Expr exprNested(int min) {
        int start = p;
        Expr left;
        int type = types[p];
        if (type == ADD || type == MINUS || type == NOT_OP) {
            String op = type == ADD ? "+" : type == MINUS ? "-" : "~";
            p++;
            Expr operand = expr(UNARY_PRECEDENCE);
            left = new Expr.UnaryOp(op, operand, spanFrom(start));
        } else {
            left = atomExpr();
        }
        while (true) {
            int prec = binaryPrecedence(types[p]);
            if (prec < min) {
                return left;
            }
            String op = text(p);
            p++;
            Expr right = expr(prec == 8 ? 8 : prec + 1);
            left = new Expr.BinOp(left, op, right, spanFrom(start));
        }
    }

    /** {@code star_expr : '*' expr}. */
    private Expr starExpr() {
        int start = p;
        expect(STAR);
        Expr e = expr(0);
        return new Expr.Opaque("starred", List.of(e), spanFrom(start));
    }

    /** {@code atom_expr : AWAIT? atom trailer*}. */
    private Expr atomExpr() {
        if (types[p] == AWAIT) {
            int await = p++;
            Expr e = trailers(p);
            return new Expr.Opaque("await", List.of(e), spanFrom(await));
        }
        return trailers(p);
    }

    /** {@code atom trailer*} from {@code start}. */
    private Expr trailers(int start) {
        Expr e = atom();
        while (true) {
            switch (types[p]) {
                case OPEN_PAREN -> {
                    int open = p++;
                    List<Arg> args = types[p] == CLOSE_PAREN ? List.of() : arglist();
                    expect(CLOSE_PAREN);
                    e = new Expr.Call(e, args, span(open, p - 1), spanFrom(start));
                }
                case OPEN_BRACK -> {
                    p++;
                    Expr index = subscripts();
                    expect(CLOSE_BRACK);
                    e = new Expr.Subscript(e, index, spanFrom(start));
                }
                case DOT -> {
                    p++;
                    int name = name();
                    e = new Expr.Attribute(e, ident(name), span(name, name), spanFrom(start));
                }
                default -> {
                    return e;
                }
            }
        }
    }

    /** {@code subscriptlist : subscript ( ',' subscript )* ','?}. */
    private Expr subscripts() {
        int start = p;
        Expr first = subscript();
        if (types[p] != COMMA) {
            return first;
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (types[p] == COMMA) {
            p++;
            int t = types[p];
            if (!startsTest(t) && t != COLON && t != STAR) {
                break;
            }
            items.add(subscript());
        }
        return new Expr.Tuple(items, spanFrom(start));
    }

    /** {@code subscript : namedexpr_test | test? ':' test? ( ':' test? )? | star_expr}. */
    private Expr subscript() {
        int start = p;
        if (types[p] == STAR) {
            return starExpr();
        }
        List<Expr> parts = new ArrayList<>(3);
        if (types[p] != COLON) {
            Expr first = test();
            if (types[p] == WALRUS) {
                return walrus(start, first);
            }
            if (types[p] != COLON) {
                return first;
            }
            parts.add(first);
        }
        p++; // ':'
        if (startsTest(types[p])) {
            parts.add(test());
        }
        if (types[p] == COLON) {
            p++;
            if (startsTest(types[p])) {
                parts.add(test());
            }
        }
        return new Expr.Opaque("slice", parts, spanFrom(start));
    }

    private Expr atom() {
        int start = p;
        switch (types[p]) {
            case NAME, MATCH, CASE, TYPE -> {
                p++;
                return new Expr.Name(ident(start), span(start, start));
            }
            case STRING -> {
                return strings(start);
            }
            case NUMBER -> {
                p++;
                return new Expr.Num(text(start), span(start, start));
            }
            case NONE, TRUE, FALSE, ELLIPSIS -> {
                p++;
                return new Expr.Const(ident(start), span(start, start));
            }
            case OPEN_PAREN -> {
                p++;
                if (types[p] == CLOSE_PAREN) {
                    p++;
                    return new Expr.Tuple(List.of(), spanFrom(start));
                }
                if (types[p] == YIELD) {
                    throw Bail.INSTANCE;
                }
                return testlistComp(start, CLOSE_PAREN);
            }
            case OPEN_BRACK -> {
                p++;
                if (types[p] == CLOSE_BRACK) {
                    p++;
                    return new Expr.ListExpr(List.of(), spanFrom(start));
                }
                return testlistComp(start, CLOSE_BRACK);
            }
            case OPEN_BRACE -> {
                return brace(start);
            }
            default -> throw Bail.INSTANCE;
        }
    }

    /** {@code STRING+}: the decoded pieces of every adjacent literal. */
    private Expr strings(int start) {
        List<StrPiece> pieces = new ArrayList<>(2);
        boolean bytes = false;
        while (types[p] == STRING) {
            int from = starts[p];
            int to = stops[p] + 1;
            try {
                strings.decode(from, to, fieldParser, pieces);
            } catch (PythonParser.InvalidSyntax badEscape) {
                throw Bail.INSTANCE; // ANTLR reports it, or an earlier syntax error, as it would alone
            }
            for (int i = from; i < to && src.charAt(i) != '\'' && src.charAt(i) != '"'; i++) {
                bytes |= src.charAt(i) == 'b' || src.charAt(i) == 'B';
            }
            p++;
        }
        return new Expr.Str(pieces, bytes, spanFrom(start));
    }

    /**
     * {@code testlist_comp : ( namedexpr_test | star_expr ) ( comp_for | ( ',' ( namedexpr_test |
     * star_expr ) )* ','? )} inside {@code (} or {@code [} (opened at {@code start}), with its closing bracket.
     */
    private Expr testlistComp(int start, int close) {
        List<Expr> elements = new ArrayList<>();
        elements.add(namedOrStar());
        if (types[p] == FOR || types[p] == ASYNC) {
            List<Expr> children = comprehension(elements);
            expect(close);
            return new Expr.Opaque(close == CLOSE_PAREN ? "genexp" : "listcomp", children, spanFrom(start));
        }
        boolean comma = false;
        while (types[p] == COMMA) {
            comma = true;
            if (!moreTests(STAR)) {
                break;
            }
            elements.add(namedOrStar());
        }
        expect(close);
        if (close == CLOSE_BRACK) {
            return new Expr.ListExpr(elements, spanFrom(start));
        }
        if (elements.size() == 1 && !comma) {
            return elements.get(0);
        }
        return new Expr.Tuple(elements, spanFrom(start));
    }

    private Expr namedOrStar() {
        return types[p] == STAR ? starExpr() : namedexpr();
    }

    /**
     * {@code '{' dictorsetmaker? '}'}: a dict when the first item is {@code **x} or a key followed by
     * {@code :}, else a set.
     */
    private Expr brace(int start) {
        p++;
        if (types[p] == CLOSE_BRACE) {
            p++;
            return new Expr.Dict(List.of(), List.of(), spanFrom(start));
        }
        Expr first = null;
        if (types[p] != POWER && types[p] != STAR) {
            int firstStart = p;
            first = test();
            if (types[p] == WALRUS) {
                first = walrus(firstStart, first); // a set element: a dict key cannot be one
                if (types[p] == COLON) {
                    throw Bail.INSTANCE;
                }
            }
        }
        if (types[p] == POWER || types[p] == COLON) {
            return dict(start, first);
        }
        List<Expr> elements = new ArrayList<>();
        elements.add(first != null ? first : starExpr());
        if (types[p] == FOR || types[p] == ASYNC) {
            List<Expr> children = comprehension(elements);
            expect(CLOSE_BRACE);
            return new Expr.Opaque("setcomp", children, spanFrom(start));
        }
        while (moreTests(STAR)) {
            elements.add(namedOrStar());
        }
        expect(CLOSE_BRACE);
        return new Expr.Opaque("set", elements, spanFrom(start));
    }

    /** {@code dict_item ( comp_for | ( ',' dict_item )* ','? )} and the closing brace; {@code firstKey} is parsed already (null for {@code **}). */
    private Expr dict(int start, Expr firstKey) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        dictItem(firstKey, keys, values);
        if (types[p] == FOR || types[p] == ASYNC) {
            List<Expr> children = comprehension(Expr.Dict.items(keys, values));
            expect(CLOSE_BRACE);
            return new Expr.Opaque("dictcomp", children, spanFrom(start));
        }
        while (moreTests(POWER)) {
            dictItem(null, keys, values);
        }
        expect(CLOSE_BRACE);
        return new Expr.Dict(keys, values, spanFrom(start));
    }

    /** {@code dict_item : test ':' test | '**' expr}; {@code key} may already be parsed. */
    private void dictItem(Expr key, List<Expr> keys, List<Expr> values) {
        if (key == null && types[p] == POWER) {
            p++;
            keys.add(null);
            values.add(expr(0));
            return;
        }
        keys.add(key != null ? key : test());
        expect(COLON);
        values.add(test());
    }

    /**
     * {@code comp_for : 'for' exprlist 'in' or_test ( comp_for | comp_if )?}, {@code comp_if : 'if'
     * or_test ( comp_for | comp_if )?}: {@code elements}, then each clause's or_test, in source order.
     */
    private List<Expr> comprehension(List<Expr> elements) {
        List<Expr> children = new ArrayList<>(elements);
        while (true) {
            if (types[p] == FOR) {
                p++;
                exprlistElements();
                expect(IN);
                children.add(orTest());
            } else if (types[p] == IF) {
                p++;
                children.add(orTest());
            } else if (types[p] == ASYNC) {
                throw Bail.INSTANCE;
            } else {
                return children;
            }
        }
    }

    /**
     * {@code arglist : argument ( ',' argument )* ','?}, with the checks SyntaxNodeBuilder makes
     * (argument order, an unparenthesized generator only as the sole argument).
     */
    private List<Arg> arglist() {
        List<Arg> out = new ArrayList<>();
        boolean keywordSeen = false;
        boolean doubleStarSeen = false;
        boolean generatorSeen = false;
        while (true) {
            int start = p;
            int type = types[p];
            if (type == POWER) {
                p++;
                out.add(new Arg(null, 2, test(), spanFrom(start)));
                doubleStarSeen = true;
            } else if (type == STAR) {
                if (doubleStarSeen) {
                    throw Bail.INSTANCE;
                }
                p++;
                out.add(new Arg(null, 1, test(), spanFrom(start)));
            } else if (isName(type) && types[p + 1] == ASSIGN) {
                p += 2;
                Expr value = test();
                out.add(new Arg(ident(start), 0, value, spanFrom(start)));
                keywordSeen = true;
            } else {
                if (keywordSeen || doubleStarSeen) {
                    throw Bail.INSTANCE;
                }
                Expr value = namedexpr();
                if (types[p] == FOR || types[p] == ASYNC) {
                    if (!out.isEmpty()) {
                        throw Bail.INSTANCE;
                    }
                    List<Expr> children = comprehension(List.of(value));
                    Span span = spanFrom(start);
                    out.add(new Arg(null, 0, new Expr.Opaque("genexp", children, span), span));
                    generatorSeen = true;
                } else {
                    out.add(new Arg(null, 0, value, spanFrom(start)));
                }
            }
            if (types[p] != COMMA) {
                return out;
            }
            if (generatorSeen) {
                throw Bail.INSTANCE;
            }
            p++;
            if (types[p] == CLOSE_PAREN) {
                return out;
            }
        }
    }

    /** {@code exprlist : ( expr | star_expr ) ( ',' ( expr | star_expr ) )* ','?}, as a list. */
    private List<Expr> exprlistElements() {
        List<Expr> items = new ArrayList<>(2);
        items.add(types[p] == STAR ? starExpr() : expr(0));
        while (types[p] == COMMA) {
            p++;
            if (!startsExpr(types[p]) && types[p] != STAR) {
                break;
            }
            items.add(types[p] == STAR ? starExpr() : expr(0));
        }
        return items;
    }

    /** {@code exprlist}: one item without a comma is itself, else a Tuple. */
    private Expr exprlist() {
        int start = p;
        List<Expr> items = exprlistElements();
        if (items.size() == 1 && types[p - 1] != COMMA) {
            return items.get(0);
        }
        return new Expr.Tuple(items, spanFrom(start));
    }

    /** {@code testlist_star_expr : ( test | star_expr ) ( ',' ( test | star_expr ) )* ','?}. */
    private Expr testlistStar() {
        int start = p;
        Expr first = types[p] == STAR ? starExpr() : test();
        if (types[p] != COMMA) {
            return first;
        }
        List<Expr> items = new ArrayList<>();
        items.add(first);
        while (moreTests(STAR)) {
            items.add(types[p] == STAR ? starExpr() : test());
        }
        return new Expr.Tuple(items, spanFrom(start));
    }
}
