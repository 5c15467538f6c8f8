package dev.idemlint.rules.fix;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Origin;
import dev.idemlint.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The fix alternatives of a CREATE, by how it is spelled: {@code checkfirst=True} for SQLAlchemy DDL,
 * {@code IF NOT EXISTS} in raw SQL, and for an op call the Alembic keyword (when it may be used) and
 * the inspector guard, ordered by how sure the keyword is.
 */
public final class CreateFixes {
    private CreateFixes() {
    }

    /**
     * Whether {@code site} is an op call, whose fixes are {@link #opCall}'s (the rule builds the keyword
     * and guard fixes only then); else they are {@link #of}'s.
     */
    public static boolean isOpCall(OpSite site) {
        return site.origin() != Origin.SQLALCHEMY_DDL && site.origin() != Origin.RAW_SQL
                && site.origin() != Origin.DDL_ELEMENT && site.call() != null;
    }

    /** The fixes of a CREATE that is not an op call: SQLAlchemy DDL, raw SQL (none for anything else). */
    public static List<Fix> of(OpSite site, SourceFile file, String noun, boolean concurrently) {
        List<Fix> out = new ArrayList<>();
        if (site.origin() == Origin.SQLALCHEMY_DDL) {
            out.add(CallRewriter.passTrueFix(file, site, "checkfirst"));
        } else if (site.origin() == Origin.RAW_SQL) {
            out.addAll(SqlRewriter.ifNotExistsAfterCreate(site, file, noun, concurrently));
        }
        Fix.dropMissing(out);
        return out;
    }

    /**
     * The fixes of an op call: {@code keyword} (null when the keyword must not be used) and
     * {@code guard}, ordered by how sure the keyword is.
     */
    public static List<Fix> opCall(Fix keyword, Fix guard, Settings s) {
        List<Fix> out = new ArrayList<>();
        CallRewriter.addKeywordFix(out, keyword, guard, s);
        Fix.dropMissing(out);
        return out;
    }

}
