package dev.idemlint.migration;

import dev.idemlint.python.Expr;
import dev.idemlint.python.PythonModule;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.Stmt;
import dev.idemlint.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table an application model a revision imports maps: {@code from app.models import Ecosystem} then
 * {@code op.bulk_insert(Ecosystem.__table__, rows)} writes to the table the class declares with
 * {@code __tablename__ = "ecosystems"}. Alembic runs revisions with the project on {@code sys.path}, so the module
 * is looked up as Python would from the revision's folder and each folder above it, up to the project's root
 * (the first holding alembic.ini, pyproject.toml, setup.py, setup.cfg or .git), never through a link out of it. Only a literal
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
    /** A model module larger than this names no table: a pull request's file is not read whole into memory. */
    private static final long MAX_BYTES = 1 << 20;
    /** Modules kept parsed, by file: a run's revisions share them; the map is emptied past this size. */
    private static final int MAX_KEPT = 256;
    /** Parsed model modules by file, size and time of last change (a long-lived server sees edits): class to table. */
    private static final Map<Kept, Map<String, String>> TABLES = new ConcurrentHashMap<>();

    private record Kept(Path file, long size, FileTime modified) {
    }

    private ModelTables() {
    }

    /** The table of class {@code cls} of module {@code module} (dotted, absolute), imported by {@code revision}. */
    static Optional<String> of(SourceFile revision, String module, String cls) {
        if (revision == null || revision.path() == null || module == null || module.startsWith(".")
                || module.startsWith("alembic") || module.startsWith("sqlalchemy")) {
            return Optional.empty();
        }
        String rel = module.replace('.', '/');
        List<Path> roots = new ArrayList<>();
        Path dir = revision.path().toAbsolutePath().getParent();
        for (int i = 0; i < LEVELS && dir != null; i++, dir = dir.getParent()) {
            roots.add(dir);
            if (marksRoot(dir)) {
                break;
            }
        }
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        Path top = roots.get(roots.size() - 1);
        for (Path root : roots) {
            for (Path file : new Path[] {root.resolve(rel + ".py"), root.resolve(rel).resolve("__init__.py")}) {
                if (Files.isRegularFile(file)) {
                    return Optional.ofNullable(tables(file, top).get(cls));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean marksRoot(Path dir) {
        for (String m : ROOT_MARKERS) {
            if (Files.exists(dir.resolve(m), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /** The tables a module file declares; none when it lies (through a link) outside {@code top}, or is too large. */
    private static Map<String, String> tables(Path file, Path top) {
        Kept key;
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(top.toRealPath())) {
                return Map.of();
            }
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            if (!a.isRegularFile() || a.size() > MAX_BYTES) {
                return Map.of();
            }
            key = new Kept(real, a.size(), a.lastModifiedTime());
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        if (TABLES.size() > MAX_KEPT) {
            TABLES.clear();
        }
        return TABLES.computeIfAbsent(key, k -> read(k.file()));
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
