package dev.idemlint.rules.idempotency;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.Settings;
import dev.idemlint.rule.BuiltinChecks;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rules.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lints one revision, written into a directory, whose upgrade() is given statement by statement, every rule on. */
final class UpgradeBody {
    /** The line of upgrade()'s first statement. */
    static final int FIRST_LINE = 8;

    private UpgradeBody() {
    }

    /** The finding of {@code rule} on {@code line} of the revision whose upgrade() is {@code body}; null when none. */
    static Diagnostic finding(Path dir, String rule, int line, String... body) throws IOException {
        List<String> lines = new ArrayList<>(List.of("from alembic import op", "import sqlalchemy as sa",
                "revision = '1'", "down_revision = None", "", "", "def upgrade():"));
        for (String b : body) {
            lines.add("    " + b);
        }
        lines.add("");
        Path f = dir.resolve("001_x.py");
        Files.writeString(f, String.join("\n", lines));
        List<String> names = new ArrayList<>(BuiltinChecks.NAMES);
        Registry.all().forEach(r -> names.add(r.name()));
        Linter linter = new Linter(Registry.all(), RuleCatalog.load(names));
        for (Diagnostic d : linter.lint(new LintTarget(dir, dir, List.of(f), Settings.DEFAULT),
                p -> p.getFileName().toString()).diagnostics()) {
            if (d.rule().equals(rule) && d.file().lines().line(d.span().start()) == line) {
                return d;
            }
        }
        return null;
    }
}
