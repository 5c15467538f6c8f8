package dev.idemlint.rules.fix;

import dev.idemlint.fix.TextEdit;
import dev.idemlint.migration.OpSite;
import dev.idemlint.migration.Origin;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites an enum column type so that {@code create_table} reuses an existing PostgreSQL type:
 * {@code sa.Enum(<args>)} becomes {@code postgresql.ENUM(<args>, create_type=False)}, importing the
 * dialect module when the file does not, and writes the statement that creates the type on its own,
 * {@code postgresql.ENUM(<args>).create(op.get_bind(), checkfirst=True)}. {@code postgresql.ENUM}
 * hands every argument but {@code create_type} and {@code native_enum} on to {@code sa.Enum}
 * (a Python enum class, {@code name=}, {@code values_callable=}, {@code schema=}, {@code metadata=}...),
 * so keeping the arguments keeps the type; a {@code native_enum} other than {@code True} or a
 * {@code **kwargs} that may carry it is not rewritten.
 */
public final class EnumRewriter {
    /** The edits and how the rewritten call reads. */
    public record Rewrite(List<TextEdit> edits, String shown) {
    }

    private EnumRewriter() {
    }

    /**
     * Edits turning {@code call} into the dialect type with {@code create_type=False}; only the flag
     * when {@code dialect} (it already is {@code postgresql.ENUM}). Null when the call cannot be
     * rewritten safely (see the class comment) or the name {@code postgresql} is taken.
     */
    public static Rewrite reuseExisting(SourceFile file, Expr.Call call, boolean dialect) {
        if (!keepsArguments(call)) {
            return null;
        }
        SourceLayout layout = SourceLayout.of(file);
        List<TextEdit> edits = new ArrayList<>();
        if (!dialect) {
            String alias = dialectAlias(layout);
            if (alias == null) {
                return null;
            }
            if (layout.postgresqlDialectAlias() == null) {
                edits.add(layout.addImport(IMPORT));
            }
            edits.add(TextEdit.replace(file.path(), call.func().span(), alias + ".ENUM"));
        }
        Arg flag = call.keyword("create_type");
        if (flag == null || !(flag.value() instanceof Expr.Const k && k.text().equals("False"))) {
            List<TextEdit> pass = CallRewriter.pass(file, call, "create_type", "False");
            if (pass.isEmpty()) {
                return null;
            }
            edits.addAll(pass);
        }
        return new Rewrite(List.copyOf(edits), GuardWrapper.applyWithin(file.text(), call.span(), edits));
    }

    /** The source of {@code outer} (the op call, say) with the rewrite's edits inside it applied. */
    public static String shownIn(SourceFile file, Span outer, Rewrite rw) {
        return GuardWrapper.applyWithin(file.text(), outer, rw.edits());
    }

    /** The import {@link #reuseExisting} and {@link #createFirst} add when the file lacks the dialect. */
    public static final String IMPORT = "from sqlalchemy.dialects import postgresql";

    /**
     * {@code postgresql.ENUM(<args but create_type>).create(op.get_bind(), checkfirst=True)}, the
     * statement that creates the type only where it is missing; null when the arguments cannot be
     * copied onto one line or the call cannot be rewritten.
     */
    public static String createFirst(SourceFile file, Expr.Call call, String opName) {
        if (!keepsArguments(call)) {
            return null;
        }
        String alias = dialectAlias(SourceLayout.of(file));
        if (alias == null) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (Arg a : call.args()) {
            if ("create_type".equals(a.keyword())) {
                continue;
            }
            String src = file.slice(a.span());
            if (src.contains("\n") || src.contains("\r")) {
                return null;
            }
            args.add(src);
        }
        return alias + ".ENUM(" + String.join(", ", args) + ").create(" + opName + ".get_bind(), checkfirst=True)";
    }

    /**
     * The edit inserting statement {@code code} on its own line before the op's statement, with the
     * same indentation; null when the op is not a plain statement of its own (batch, helper, loop,
     * shared line).
     */
    public static TextEdit insertBefore(SourceFile file, OpSite site, String code) {
        SourceLayout layout = SourceLayout.of(file);
        Span stmt = site.statement();
        if (code == null || stmt == null || site.indirect() || site.origin() != Origin.OP_CALL
                || !layout.startsLine(stmt.start()) || !layout.endsLine(stmt.end())) {
            return null;
        }
        return TextEdit.insert(file.path(), stmt.start(), code + layout.eol() + layout.indentationAt(stmt.start()));
    }

    /** The name the dialect module goes by, or null when {@code postgresql} is bound to something else. */
    private static String dialectAlias(SourceLayout layout) {
        String alias = layout.postgresqlDialectAlias();
        if (alias != null) {
            return alias;
        }
        return layout.binds("postgresql") ? null : "postgresql";
    }

    /** No {@code **kwargs} (it may carry native_enum=False) and no native_enum other than a literal True. */
    private static boolean keepsArguments(Expr.Call call) {
        for (Arg a : call.args()) {
            if (a.star() == 2) {
                return false;
            }
        }
        Arg nativeEnum = call.keyword("native_enum");
        return nativeEnum == null || nativeEnum.value() instanceof Expr.Const k && k.text().equals("True");
    }
}
