package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.Stmt;
import dev.idemlint.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table an application model a revision imports maps: {@code from app.models import Ecosystem} then
 * {@code op.bulk_insert(Ecosystem.__table__, rows)} writes to the table the class declares with
 * {@code __tablename__ = "ecosystems"}. Alembic runs revisions with the project on {@code sys.path}, so the module
 * is looked up as Python would from the revision's folder and each folder above it. Only a literal
 * {@code __tablename__} (or {@code __table__ = Table("name", ...)}) in the class body counts: a name made by a mixin
 * or a metaclass is not read, and the insert stays without a table, as before.
 */
final class ModelTables {
    /** How many folders above the revision's are tried as the import root (versions/, alembic/, the project...). */
    private static final int LEVELS = 6;
    /** Parsed model modules by file, shared by every revision of a run: class name to table name. */
    private static final Map<Path, Map<String, String>> TABLES = new ConcurrentHashMap<>();

    private ModelTables() {
    }

    /** The table of class {@code cls} of module {@code module} (dotted, absolute), imported by {@code revision}. */
    static Optional<String> of(SourceFile revision, String module, String cls) {
        if (revision == null || revision.path() == null || module == null || module.startsWith(".")
                || module.startsWith("alembic") || module.startsWith("sqlalchemy")) {
            return Optional.empty();
        }
        String rel = module.replace('.', '/');
        Path dir = revision.path().toAbsolutePath().getParent();
        for (int i = 0; i < LEVELS && dir != null; i++, dir = dir.getParent()) {
            for (Path file : new Path[] {dir.resolve(rel + ".py"), dir.resolve(rel).resolve("__init__.py")}) {
                if (Files.isRegularFile(file)) {
                    return Optional.ofNullable(TABLES.computeIfAbsent(file.normalize(), ModelTables::read).get(cls));
                }
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> tables = new HashMap<>();
        PythonModule m;
        try {
            m = new PythonParser().parse(SourceFile.of(file, file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        } catch (Exception e) {
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
