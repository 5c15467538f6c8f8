package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.Stmt;
import dev.idemlint.source.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table an application model a revision imports maps: {@code from app.models import Ecosystem} then
 * {@code op.bulk_insert(Ecosystem.__table__, rows)} writes to the table the class declares with
 * {@code __tablename__ = "ecosystems"}. Alembic runs revisions with the project on {@code sys.path}, so the module
 * is looked up as Python would from the revision's folder and each folder above it, up to the project's root
 * (the first holding alembic.ini, pyproject.toml, setup.py, setup.cfg or .git), and in that root's {@code src/} (a
 * src layout, installed on {@code sys.path}), never through a link out of it. Only a literal
 * {@code __tablename__} (or {@code __table__ = Table("name", ...)}) in the class body counts: a name made by a mixin
 * or a metaclass is not read, and the insert stays without a table, as before.
 */
final class ModelTables {
    /** How many folders above the revision's are tried as the import root (versions/, alembic/, the project...). */
    private static final int LEVELS = 6;
    /**
     * A folder holding one of these is the project's root: Alembic imports with the folder of alembic.ini on
     * {@code sys.path}, and nothing above the checkout is read.
     */
    private static final List<String> ROOT_MARKERS = List.of("alembic.ini", "pyproject.toml", "setup.py", "setup.cfg",
            ".git");
    /** Parsed model modules by file and content: class to table. */
    private static final ModuleCache<Map<String, String>> TABLES = new ModuleCache<>();

    private ModelTables() {
    }

    /** The table of class {@code cls} of module {@code module} (dotted, absolute), imported by {@code revision}. */
    static Optional<String> of(SourceFile revision, String module, String cls) {
        Module found = module(revision, module);
        return Optional.ofNullable(found == null || found.file() == null ? null
                : tables(found.file(), found.top()).get(cls));
    }

    /**
     * Where module {@code module} (dotted, absolute) imported by {@code revision} lies: its file (null when none is
     * found) and the project's root above which nothing is read; null when the module is not looked up at all
     * (relative, Alembic's or SQLAlchemy's, a revision without a path).
     */
    record Module(Path file, Path top) {
    }

    /** Whether module {@code module} is looked for in the project: not relative, not Alembic's or SQLAlchemy's. */
    static boolean lookedUp(String module) {
        return module != null && !module.startsWith(".") && !module.startsWith("alembic")
                && !module.startsWith("sqlalchemy");
    }

    /** The module file Python imports for {@code module} from the revision's folder or one above it (see above). */
    static Module module(SourceFile revision, String module) {
        if (revision == null || revision.path() == null || !lookedUp(module)) {
            return null;
        }
        String rel = module.replace('.', '/');
        List<Path> roots = new ArrayList<>();
        Path dir = revision.path().toAbsolutePath().getParent();
        for (int i = 0; i < LEVELS && dir != null; i++, dir = dir.getParent()) {
            roots.add(dir);
            if (marksRoot(dir) && !(scriptFolder(dir) && checkout(dir.getParent(), LEVELS - i - 1) != null)) {
                break;
            }
        }
        if (roots.isEmpty()) {
            return new Module(null, null);
        }
        Path top = roots.get(roots.size() - 1);
        if (marksRoot(top)) {
            // a src layout: the project's package lies in src/, which installing the project puts on sys.path
            roots.add(top.resolve("src"));
        }
        for (Path root : roots) {
            for (Path file : new Path[] {root.resolve(rel + ".py"), root.resolve(rel).resolve("__init__.py")}) {
                if (ProjectReads.regularFile(file, true)) {
                    return new Module(file, top);
                }
            }
        }
        return new Module(null, top);
    }

    /** The SHA-256 of a module's bytes, which keys what is kept of it. */
    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The checkout {@code dir} lies in: the nearest of it and its {@code levels} parents that holds {@code .git},
     * {@code pyproject.toml}, {@code setup.py} or {@code setup.cfg} (an alembic.ini may sit inside a package);
     * null when none does.
     */
    static Path checkout(Path dir, int levels) {
        for (int i = 0; i <= levels && dir != null; i++, dir = dir.getParent()) {
            for (String m : ROOT_MARKERS) {
                if (!m.equals("alembic.ini") && ProjectReads.exists(dir.resolve(m))) {
                    return dir;
                }
            }
        }
        return null;
    }

    /**
     * Whether {@code dir} is Alembic's script folder holding its own alembic.ini (Flask-Migrate's {@code
     * migrations/}, with {@code env.py} beside it) and no other root marker: the application that runs it imports
     * from the project's folder above, so the search goes on up to the checkout that holds it ({@link #checkout}),
     * and no higher.
     */
    private static boolean scriptFolder(Path dir) {
        if (!ProjectReads.regularFile(dir.resolve("env.py"), false)) {
            return false;
        }
        for (String m : ROOT_MARKERS) {
            if (!m.equals("alembic.ini") && ProjectReads.exists(dir.resolve(m))) {
                return false;
            }
        }
        return true;
    }

    private static boolean marksRoot(Path dir) {
        for (String m : ROOT_MARKERS) {
            if (ProjectReads.exists(dir.resolve(m))) {
                return true;
            }
        }
        return false;
    }

    /** The tables a module file declares; none when it is not read ({@link ProjectReads#bytes}). */
    private static Map<String, String> tables(Path file, Path top) {
        byte[] bytes = ProjectReads.bytes(file, top);
        return bytes == null ? Map.of() : TABLES.get(file, bytes, ModelTables::read);
    }

    /** Project module {@code file}'s {@code bytes} parsed; null when they are not UTF-8 or do not parse. */
    static PythonModule parse(Path file, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return new PythonParser().parse(SourceFile.of(file, file.toString(), text));
        } catch (Exception e) {
            return null;
        }
    }

    private static Map<String, String> read(Path file, byte[] bytes) {
        Map<String, String> tables = new HashMap<>();
        PythonModule m = parse(file, bytes);
        if (m == null) {
            // an unreadable or unparsable module names no table: the insert stays without one
            return tables;
        }
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.ClassDef c) {
                String table = declared(c);
                if (table != null) {
                    tables.put(c.name(), table);
                }
            }
        }
        return tables;
    }

    private static String declared(Stmt.ClassDef c) {
        for (Stmt s : c.body()) {
            if (s instanceof Stmt.Assign a && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
                if (n.id().equals("__tablename__")) {
                    return NamingConventionReader.literal(a.value());
                }
                if (n.id().equals("__table__") && a.value() instanceof Expr.Call call
                        && "Table".equals(Names.lastPart(call.func())) && !call.args().isEmpty()) {
                    return NamingConventionReader.literal(call.positional(0));
                }
            }
        }
        return null;
    }
}
