package dev.idemlint.rules;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Origin;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The fix alternatives of a CREATE, by how it is spelled: {@code checkfirst=True} for SQLAlchemy DDL,
 * {@code IF NOT EXISTS} in raw SQL, and for an op call the Alembic keyword (when it may be used) and
 * the inspector guard, ordered by how sure the keyword is.
 */
public final class CreateFixes {
    private CreateFixes() {
    }

    /**
     * {@code keyword} yields the keyword fix or null when the keyword must not be used; {@code guard}
     * the guard fix. Both are asked only for op calls.
     */
    public static List<Fix> of(OpSite site, SourceFile file, String noun, boolean concurrently,
            Supplier<Fix> keyword, Supplier<Fix> guard, Settings s) {
        List<Fix> out = new ArrayList<>();
        if (site.origin() == Origin.SQLALCHEMY_DDL) {
            out.add(CallRewriter.passTrueFix(file, site, "checkfirst"));
        } else if (site.origin() == Origin.RAW_SQL) {
            out.addAll(SqlRewriter.ifNotExistsAfterCreate(site, file, noun, concurrently));
        } else if (site.call() != null) {
            CallRewriter.addKeywordFix(out, keyword.get(), guard.get(), s);
        }
        out.removeIf(f -> f == null);
        return out;
    }
}
