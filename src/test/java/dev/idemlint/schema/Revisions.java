package dev.idemlint.schema;

import dev.idemlint.migration.Migration;
import dev.idemlint.migration.MigrationReader;
import dev.idemlint.migration.Operation;
import dev.idemlint.python.PythonParser;
import dev.idemlint.python.PythonSyntaxError;
import dev.idemlint.source.SourceFile;
import dev.idemlint.sql.SqlClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds revisions from Python source through the real reader and SQL classifier. */
final class Revisions {
    private final List<Migration> list = new ArrayList<>();

    Revisions rev(String id, String down, String body) {
        StringBuilder src = new StringBuilder("def upgrade():\n");
        for (String line : body.strip().split("\n")) {
            src.append("    ").append(line).append('\n');
        }
        return file(id, down, src.toString());
    }

    /** A revision whose module, after its imports and identifiers, is {@code functions}. */
    Revisions file(String id, String down, String functions) {
        String downText = down == null ? "None" : down.contains(",") ? "(" + quoteAll(down) + ")" : "\"" + down + "\"";
        String src = "import sqlalchemy as sa\nfrom alembic import op\n"
                + "from sqlalchemy.dialects import postgresql\n\nrevision = \"" + id + "\"\ndown_revision = " + downText
                + "\n\n\n" + functions;
        String name = id + "_rev.py";
        SourceFile f = SourceFile.of(Path.of("/versions", name), "versions/" + name, src);
        try {
            Migration m = new MigrationReader().read(new PythonParser().parse(f));
            List<Operation> ops = new ArrayList<>();
            for (Operation o : m.operations()) {
                if (o instanceof Operation.RawSql raw) {
                    ops.addAll(new SqlClassifier().classify(raw));
                } else {
                    ops.add(o);
                }
            }
            list.add(m.withOperations(ops).withoutModule());
        } catch (PythonSyntaxError e) {
            throw new IllegalArgumentException(e.getMessage() + " in\n" + src, e);
        }
        return this;
    }

    private static String quoteAll(String ids) {
        List<String> out = new ArrayList<>();
        for (String s : ids.split(",")) {
            out.add("\"" + s.strip() + "\"");
        }
        return String.join(", ", out);
    }

    Migration get(String id) {
        return list.stream().filter(m -> id.equals(m.header().revisionId())).findFirst().orElseThrow();
    }

    List<Migration> all() {
        return List.copyOf(list);
    }

    SchemaTimeline timeline() {
        return SchemaTimeline.build(list);
    }
}
