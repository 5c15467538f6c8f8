package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.Stmt;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which database errors the handlers of a try/except let the revision go past: the {@link Guard#conditions()}
 * of a {@link GuardKind#TRY_EXCEPT} guard. A handler lets nothing past when its body always raises or exits
 * ({@code raise}, {@code sys.exit(1)}, {@code exit()}, {@code quit()}, {@code os._exit(1)}). Otherwise it lets
 * past what its classes catch, read from the last part of their dotted names (SQLAlchemy re-raises a DBAPI
 * error as the {@code sqlalchemy.exc} class of the same name, PyMySQL's classes are PEP 249's):
 * {@code operational_error}, {@code integrity_error}, {@code programming_error}, {@code internal_error},
 * {@code data_error}, {@code not_supported_error}, or {@code others} for a bare
 * {@code except:}, {@code Exception}, {@code BaseException}, a PEP 249 base class ({@code DBAPIError},
 * {@code SQLAlchemyError}, {@code DatabaseError}, {@code Error}) and any name or expression not read here:
 * an alias or a wrapper library's class (oslo.db's engine turns errors into its own) may catch anything,
 * and an unknown catch must never produce a finding. Classes known to catch no server error
 * ({@code ValueError}, {@code NoSuchTableError}...) let nothing past.
 */
final class ExceptClauses {
    static final String OTHERS = "others";
    private static final Set<String> ALL = Set.of("Exception", "BaseException", "DBAPIError", "SQLAlchemyError",
            "DatabaseError", "Error", "MySQLError", "StatementError");
    private static final Set<String> NONE = Set.of("InterfaceError", "Warning", "NoSuchTableError", "NoSuchColumnError", "InvalidRequestError",
            "ArgumentError", "CompileError", "UnboundExecutionError", "ValueError", "KeyError", "TypeError",
            "AttributeError", "IndexError", "LookupError", "NameError", "RuntimeError", "NotImplementedError",
            "ImportError", "ModuleNotFoundError", "OSError", "IOError", "FileNotFoundError", "StopIteration",
            "AssertionError", "ZeroDivisionError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError");
    private static final Set<String> EXITS = Set.of("sys.exit", "exit", "quit", "os._exit", "os.abort");
    private static final int MAX_TUPLE = 64;

    private ExceptClauses() {
    }

    /** The error classes the handlers of {@code t} catch and let the revision go past (see the class doc). */
    static Set<String> tolerated(Stmt.Try t) {
        Set<String> out = new TreeSet<>();
        for (Stmt.Handler h : t.handlers()) {
            if (!alwaysLeaves(h.body())) {
                caught(h.type(), out);
            }
        }
        return out;
    }

    /**
     * The error classes {@code types} name, as the clause {@code except (types...)} whose handler lets the revision
     * go past catches them ({@code contextlib.suppress(types...)}).
     */
    static Set<String> caught(List<Expr> types) {
        Set<String> out = new TreeSet<>();
        for (Expr type : types.subList(0, Math.min(types.size(), MAX_TUPLE))) {
            caught(type, out);
        }
        if (types.size() > MAX_TUPLE) {
            out.add(OTHERS);
        }
        return out;
    }

    private static void caught(Expr type, Set<String> out) {
        if (type == null) {
            out.add(OTHERS);
        } else if (type instanceof Expr.Tuple tuple && tuple.elements().size() <= MAX_TUPLE) {
            // a tuple in an except clause holds classes, never another tuple worth reading
            for (Expr e : tuple.elements()) {
                out.add(classOf(e));
            }
        } else {
            out.add(classOf(type));
        }
        out.remove("");
    }

    /** The caught class's condition name, "" for one that catches no server error. */
    private static String classOf(Expr e) {
        String last = e instanceof Expr.Name || e instanceof Expr.Attribute ? Names.lastPart(e) : null;
        if (last == null || ALL.contains(last)) {
            return OTHERS;
        }
        return switch (last) {
            case "OperationalError" -> "operational_error";
            case "IntegrityError" -> "integrity_error";
            case "ProgrammingError" -> "programming_error";
            case "InternalError" -> "internal_error";
            case "DataError" -> "data_error";
            case "NotSupportedError" -> "not_supported_error";
            default -> NONE.contains(last) ? "" : OTHERS;
        };
    }

    /**
     * True when the handler always raises or exits: a top-level {@code raise} or exit call reached through
     * plain statements only (a call, an assignment: {@code LOG.error(...)}). A branch, loop or {@code return}
     * before it may leave the handler quietly, so the handler counts as tolerating.
     */
    static boolean alwaysLeaves(List<Stmt> body) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Opaque o && o.kind().equals("raise")) {
                return true;
            }
            if (s instanceof Stmt.ExprStmt x && x.expr() instanceof Expr.Call c && EXITS.contains(Names.dotted(c.func()))) {
                return true;
            }
            if (!(s instanceof Stmt.ExprStmt || s instanceof Stmt.Assign || s instanceof Stmt.AugAssign
                    || s instanceof Stmt.AnnAssign || s instanceof Stmt.Opaque o && o.kind().equals("pass"))) {
                return false;
            }
        }
        return false;
    }
}
