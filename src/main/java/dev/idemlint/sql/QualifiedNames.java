package dev.idemlint.sql;

import dev.idemlint.migration.SchemaRef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Qualifiers written before a name in SQL, read from the lexer's tokens: linear, and no name in a literal or comment. */
public final class QualifiedNames {
    private QualifiedNames() {
    }

    /**
     * The schemas a statement's names are placed in: for each name written qualified ({@code billing.invoices},
     * {@code "Billing"."invoices"}, the middle part of {@code db.billing.invoices}), by the name in lower case,
     * the qualifier of its first qualified occurrence, folded as PostgreSQL folds it; an unread qualifier
     * ({@code f"{schema}.t"}) places the name in some schema the analyzer cannot tell.
     */
    static SchemaRef.Targets targets(List<SqlToken> toks) {
        Map<String, SchemaRef> qualified = null;
        for (int k = 0; k + 2 < toks.size(); k++) {
            SqlToken q = toks.get(k);
            SqlToken n = toks.get(k + 2);
            if (q.isNameLike() && toks.get(k + 1).isOp(".") && n.isNameLike() && !n.dynamic()) {
                if (qualified == null) {
                    qualified = new HashMap<>();
                }
                qualified.putIfAbsent(n.text().toLowerCase(Locale.ROOT), q.dynamic() ? SchemaRef.UNREAD
                        : new SchemaRef(q.identifier(), SchemaRef.Source.WRITTEN));
            }
        }
        return qualified == null ? SchemaRef.Targets.SEARCH_PATH
                : new SchemaRef.Targets(SchemaRef.SEARCH_PATH, qualified);
    }
}
