package dev.idemlint.migration;

import java.util.Locale;
import java.util.Map;

/**
 * The schema an operation places a name in, and where that schema came from. {@code schema} is as the
 * server stores it: a {@code schema=} keyword's string as written (SQLAlchemy quotes a name that is not all
 * lower case), a SQL qualifier folded to lower case unless it is quoted; null for {@link Source#SEARCH_PATH}
 * and {@link Source#DYNAMIC}.
 */
public record SchemaRef(String schema, Source source) {
    /** Where the schema came from. */
    public enum Source {
        /** The operation names it: an op call's or a DDL element's {@code schema=}, a qualifier in SQL. */
        WRITTEN,
        /** The {@code schema=} of the {@code batch_alter_table} a batch op runs in. */
        BATCH,
        /** None is named ({@code schema=None} included): the search path finds the name. */
        SEARCH_PATH,
        /** One is named, as an expression the analyzer does not read: some schema, never matched for certain. */
        DYNAMIC
    }

    public static final SchemaRef SEARCH_PATH = new SchemaRef(null, Source.SEARCH_PATH);
    public static final SchemaRef UNREAD = new SchemaRef(null, Source.DYNAMIC);

    public boolean dynamic() {
        return source == Source.DYNAMIC;
    }

    /**
     * The schemas of one operation's names, resolved once where the operation is extracted: {@code call} for
     * every name of an op call, a batch op or a DDL element; in raw SQL, the qualifier written before the first
     * qualified occurrence of a name, by the name in lower case ({@code qualified}), else the search path's.
     */
    public record Targets(SchemaRef call, Map<String, SchemaRef> qualified) {
        public static final Targets SEARCH_PATH = new Targets(SchemaRef.SEARCH_PATH, Map.of());

        public Targets {
            qualified = Map.copyOf(qualified);
        }

        public static Targets all(SchemaRef call) {
            return call.source() == Source.SEARCH_PATH ? SEARCH_PATH : new Targets(call, Map.of());
        }

        /** Where {@code name} is placed; the search path's when {@code name} is null or not qualified. */
        public SchemaRef of(String name) {
            if (qualified.isEmpty() || name == null) {
                return call;
            }
            SchemaRef q = qualified.get(name.toLowerCase(Locale.ROOT));
            return q == null ? call : q;
        }
    }
}
