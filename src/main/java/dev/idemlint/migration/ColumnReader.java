package dev.idemlint.migration;

import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.source.SharedStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code sa.Column(...)} calls and enum type expressions. */
final class ColumnReader {
    private ColumnReader() {
    }

    static boolean isColumnCall(Expr e) {
        return e instanceof Expr.Call c && "Column".equals(Names.lastPart(c.func()));
    }

    static ColumnDef read(Expr e, Scope scope) {
        Expr.Call c = (Expr.Call) deref(e, scope);
        String name = null;
        Expr type = null;
        int i = 0;
        Expr first = c.positional(0);
        if (first != null) {
            String s = StringResolver.constant(first, scope);
            if (s != null || first instanceof Expr.Str) {
                name = s;
                i = 1;
            }
        }
        Arg nameKw = c.keyword("name");
        if (name == null && nameKw != null) {
            name = StringResolver.constant(nameKw.value(), scope);
        }
        type = c.positional(i);
        Arg typeKw = c.keyword("type_");
        if (typeKw != null) {
            type = typeKw.value();
        }
        boolean fk = false;
        String fkName = null;
        String references = null;
        for (Arg a : c.args()) {
            if (a.keyword() == null && a.value() instanceof Expr.Call ac
                    && "ForeignKey".equals(Names.lastPart(ac.func()))) {
                fk = true;
                Arg n = ac.keyword("name");
                if (n != null) {
                    fkName = StringResolver.constant(n.value(), scope);
                }
                Expr target = ac.positional(0);
                if (target == null && ac.keyword("column") != null) {
                    target = ac.keyword("column").value();
                }
                references = target == null ? null : referencedTable(StringResolver.constant(target, scope));
            }
        }
        EnumTypeRef enumRef = type == null ? null : enumType(type, scope);
        String formatType = type == null ? null : formatType(type, scope);
        return new ColumnDef(name, type == null ? null : typeText(type), formatType,
                enumRef, isTrue(c.keyword("index")),
                isTrue(c.keyword("unique")), isTrue(c.keyword("primary_key")), fk, fkName, c.span(), references,
                serial(c, formatType, fk, scope));
    }

    /**
     * Whether SQLAlchemy may render the column SERIAL ({@link ColumnDef.Serial}): an integer type
     * ({@code Integer}, {@code BigInteger}, {@code SmallInteger} as PostgreSQL stores them), and nothing that
     * gives its values another source: a {@code default=}, {@code server_default=}, {@code Identity()},
     * {@code Sequence}, {@code Computed} or {@code FetchedValue}; a foreign key keeps the default
     * {@code autoincrement="auto"} from choosing it. Anything not literal ({@code **kw}, an
     * {@code autoincrement} held in a variable) leaves it not known ({@code NO}).
     */
    private static ColumnDef.Serial serial(Expr.Call c, String formatType, boolean fk, Scope scope) {
        if (formatType == null || !(formatType.equals("integer") || formatType.equals("bigint")
                || formatType.equals("smallint"))) {
            return ColumnDef.Serial.NO;
        }
        for (Arg a : c.args()) {
            if (a.star() != 0 || a.keyword() != null && (a.keyword().equals("default") || a.keyword().equals("server_default")
                    || a.keyword().equals("server_onupdate") || a.keyword().equals("onupdate"))) {
                return ColumnDef.Serial.NO;
            }
            if (a.keyword() == null && a.value() instanceof Expr.Call ac && VALUE_SOURCES.contains(Names.lastPart(ac.func()))) {
                return ColumnDef.Serial.NO;
            }
        }
        Arg auto = c.keyword("autoincrement");
        if (auto == null) {
            return fk ? ColumnDef.Serial.NO : ColumnDef.Serial.AUTO;
        }
        if (isTrue(auto)) {
            return ColumnDef.Serial.FORCED;
        }
        String word = auto.value() instanceof Expr.Str ? StringResolver.constant(auto.value(), scope) : null;
        return "auto".equals(word) && !fk || "ignore_fk".equals(word) ? ColumnDef.Serial.AUTO : ColumnDef.Serial.NO;
    }

    /** Positional column arguments that give the column's values a source other than a serial's sequence. */
    private static final Set<String> VALUE_SOURCES = Set.of("Identity", "Sequence", "Computed",
            "FetchedValue", "DefaultClause", "ColumnDefault");

    /**
     * The table of a {@code ForeignKey("table.column")} or {@code ForeignKey("schema.table.column")} target:
     * everything before the last dot, null when there is no dot (not a column spec SQLAlchemy accepts).
     */
    static String referencedTable(String columnSpec) {
        if (columnSpec == null) {
            return null;
        }
        int dot = columnSpec.lastIndexOf('.');
        return dot <= 0 ? null : columnSpec.substring(0, dot);
    }

    private static String typeText(Expr type) {
        String d = Names.dotted(type instanceof Expr.Call c ? c.func() : type);
        // one copy of each type name (sa.Text, sa.DateTime...), not one per column kept to the run's end
        return d == null ? "?" : SharedStrings.of(d);
    }


    /**
     * Modules a column type may come from, as written before its class name: SQLAlchemy's generic types and its
     * PostgreSQL dialect, each under the package's usual names or imported on its own.
     */
    private static final Set<String> SA_MODULES = saModules();

    private static Set<String> saModules() {
        Set<String> out = new HashSet<>();
        for (String pkg : List.of("", "sa.", "sqlalchemy.", "db.")) {
            for (String module : List.of("", "types.", "sql.sqltypes.", "sqltypes.", "dialects.postgresql.",
                    "postgresql.", "pg.", "psql.", "postgres.")) {
                out.add(pkg + module);
            }
        }
        return Set.copyOf(out);
    }

    /** A type's length or precision as written: a literal of up to six digits. */
    private static final Pattern SMALL_INTEGER = Pattern.compile("\\d{1,6}");

    /**
     * The {@code format_type} a SQLAlchemy column type gets on PostgreSQL: the DDL SQLAlchemy's
     * PostgreSQL type compiler ({@code PGTypeCompiler}, SQLAlchemy 1.4 and 2.0) renders for it, as
     * PostgreSQL then stores it. Null for a type or an argument that cannot be read (a TypeDecorator,
     * {@code with_variant} whose dialect names are not literals, a length held in a variable set at run time).
     */
    static String formatType(Expr type, Scope scope) {
        Expr t = deref(type, scope);
        // base.with_variant(v, "postgresql"), chained: PostgreSQL gets the variant named for it, else the base
        for (int i = 0; i < 8 && t instanceof Expr.Call v && v.func() instanceof Expr.Attribute m
                && m.attr().equals("with_variant"); i++) {
            Boolean postgres = namesPostgres(v);
            if (postgres == null) {
                return null;
            }
            if (postgres) {
                Expr variant = v.positional(0) != null ? v.positional(0)
                        : v.keyword("type_") != null ? v.keyword("type_").value() : null;
                return variant == null ? null : formatType(variant, scope);
            }
            t = deref(m.value(), scope);
        }
        Expr.Call call = t instanceof Expr.Call c ? c : null;
        Expr callee = call != null ? call.func() : t;
        String dotted = Names.dotted(callee);
        if (dotted == null) {
            return null;
        }
        int dot = dotted.lastIndexOf('.');
        String cls = dotted.substring(dot + 1);
        if (dot >= 0 && !SA_MODULES.contains(dotted.substring(0, dot + 1))) {
            return null;
        }
        TypeArgs a = new TypeArgs(call, scope);
        if (cls.equals("ARRAY") || cls.equals("Array")) {
            Expr item = a.expr(0, "item_type");
            String inner = item == null ? null : formatType(item, scope);
            return inner == null || inner.endsWith("[]") ? null : inner + "[]";
        }
        if (cls.equals("Enum") || cls.equals("ENUM")) {
            EnumTypeRef e = call == null ? null : enumType(call, scope);
            // an enum in a named schema prints qualified only when that schema is not in the search path
            if (e == null || call.keyword("schema") != null) {
                return null;
            }
            if (e.nativeEnum()) {
                return FormatType.userType(e.name());
            }
            Integer length = a.integer(-1, "length");
            if (length == null && !a.given(-1, "length")) {
                length = e.labels().isEmpty() ? null : e.labels().stream().mapToInt(String::length).max().getAsInt();
            }
            return length == null ? null : "character varying(" + length + ")";
        }
        String ddl = switch (cls) {
            case "String", "VARCHAR", "Unicode" -> sized("VARCHAR", a, "length");
            case "CHAR", "NCHAR" -> sized(cls, a, "length");
            case "Text", "TEXT", "UnicodeText" -> "TEXT";
            case "Integer", "INTEGER", "INT" -> "INTEGER";
            case "BigInteger", "BIGINT" -> "BIGINT";
            case "SmallInteger", "SMALLINT" -> "SMALLINT";
            case "Boolean", "BOOLEAN" -> "BOOLEAN";
            case "Date", "DATE" -> "DATE";
            case "Numeric", "NUMERIC", "DECIMAL" -> numeric(a);
            case "Float", "FLOAT" -> sized("FLOAT", a, "precision");
            case "REAL" -> "REAL";
            case "DOUBLE_PRECISION", "Double" -> "DOUBLE PRECISION";
            case "DateTime", "TIMESTAMP" -> timeType("TIMESTAMP", a, cls.equals("TIMESTAMP"));
            case "Time", "TIME" -> timeType("TIME", a, cls.equals("TIME"));
            case "Interval" -> interval(a, "second_precision", false);
            case "INTERVAL" -> interval(a, "precision", true);
            case "LargeBinary", "BYTEA", "PickleType" -> "BYTEA";
            case "JSON", "JSONB", "UUID", "Uuid", "INET", "CIDR", "MACADDR", "MONEY", "TSVECTOR", "OID" -> cls;
            case "BIT" -> {
                Boolean varying = a.bool(1, "varying");
                String sized = sized("BIT", a, "length");
                yield sized == null || varying == null ? null : varying ? sized.replace("BIT", "BIT VARYING") : sized;
            }
            default -> null;
        };
        return ddl == null ? null : FormatType.ofSql(ddl);
    }

    /**
     * Whether a {@code with_variant} call names the {@code postgresql} dialect among its dialect names (positional
     * after the type, or {@code dialect_name=}); null when one of them is not a string literal.
     */
    private static Boolean namesPostgres(Expr.Call v) {
        List<Expr> names = new ArrayList<>();
        for (int i = 1; v.positional(i) != null; i++) {
            names.add(v.positional(i));
        }
        if (v.keyword("dialect_name") != null) {
            names.add(v.keyword("dialect_name").value());
        }
        if (names.isEmpty() || v.hasStarArgs()) {
            return null;
        }
        boolean postgres = false;
        for (Expr e : names) {
            String name = NamingConventionReader.literal(e);
            if (name == null) {
                return null;
            }
            postgres |= name.equals("postgresql");
        }
        return postgres;
    }

    private static String sized(String ddl, TypeArgs a, String keyword) {
        if (!a.given(0, keyword)) {
            return ddl;
        }
        Integer n = a.integer(0, keyword);
        return n == null ? null : ddl + "(" + n + ")";
    }

    private static String numeric(TypeArgs a) {
        if (!a.given(0, "precision")) {
            return "NUMERIC";
        }
        Integer p = a.integer(0, "precision");
        if (p == null) {
            return null;
        }
        if (!a.given(1, "scale")) {
            return "NUMERIC(" + p + ")";
        }
        Integer s = a.integer(1, "scale");
        return s == null ? null : "NUMERIC(" + p + ", " + s + ")";
    }

    /**
     * {@code DateTime(timezone)} and {@code Time(timezone)}; the dialect's {@code TIMESTAMP} and
     * {@code TIME} also take {@code precision} ({@code TIMESTAMP(3) WITH TIME ZONE}).
     */
    private static String timeType(String ddl, TypeArgs a, boolean hasPrecision) {
        Boolean tz = a.given(0, "timezone") ? a.bool(0, "timezone") : Boolean.FALSE;
        if (tz == null) {
            return null;
        }
        String precision = "";
        if (hasPrecision && a.given(1, "precision")) {
            Integer p = a.integer(1, "precision");
            if (p == null) {
                return null;
            }
            precision = "(" + p + ")";
        }
        return ddl + precision + (tz ? " WITH TIME ZONE" : " WITHOUT TIME ZONE");
    }

    /**
     * {@code sa.Interval(native=True, second_precision=None, day_precision=None)} renders PostgreSQL's
     * INTERVAL with the second precision (a non-native one is stored as a timestamp);
     * {@code postgresql.INTERVAL(precision=None, fields=None)} with its fields too.
     */
    private static String interval(TypeArgs a, String precisionKw, boolean dialect) {
        if (!dialect && a.given(0, "native")) {
            Boolean nativeInterval = a.bool(0, "native");
            if (nativeInterval == null) {
                return null;
            }
            if (!nativeInterval) {
                return "TIMESTAMP WITHOUT TIME ZONE";
            }
        }
        String text = "INTERVAL";
        if (dialect && a.given(1, "fields")) {
            String fields = a.string(1, "fields");
            if (fields == null) {
                return null;
            }
            text += " " + fields;
        }
        int at = dialect ? 0 : 1;
        if (a.given(at, precisionKw)) {
            Integer p = a.integer(at, precisionKw);
            if (p == null) {
                return null;
            }
            text += "(" + p + ")";
        }
        return text;
    }

    /** The arguments of a type's call, by position or keyword; a class given without a call has none. */
    private record TypeArgs(Expr.Call call, Scope scope) {
        Expr expr(int position, String keyword) {
            if (call == null) {
                return null;
            }
            Arg kw = call.keyword(keyword);
            if (kw != null) {
                return kw.value();
            }
            return position < 0 ? null : call.positional(position);
        }

        /** Given and not {@code None}. */
        boolean given(int position, String keyword) {
            Expr e = expr(position, keyword);
            return e != null && !(e instanceof Expr.Const k && k.text().equals("None"));
        }

        Integer integer(int position, String keyword) {
            Expr e = deref(expr(position, keyword), scope);
            if (e instanceof Expr.Num n && SMALL_INTEGER.matcher(n.text()).matches()) {
                return Integer.valueOf(n.text());
            }
            return null;
        }

        Boolean bool(int position, String keyword) {
            Expr e = deref(expr(position, keyword), scope);
            if (e == null) {
                return Boolean.FALSE;
            }
            if (e instanceof Expr.Const k) {
                return k.text().equals("True") ? Boolean.TRUE : k.text().equals("False") || k.text().equals("None")
                        ? Boolean.FALSE : null;
            }
            return null;
        }

        String string(int position, String keyword) {
            Expr e = expr(position, keyword);
            return e == null ? null : StringResolver.constant(e, scope);
        }
    }

    static boolean isTrue(Arg a) {
        return a != null && a.value() instanceof Expr.Const k && k.text().equals("True");
    }

    static Boolean bool(Arg a) {
        if (a != null && a.value() instanceof Expr.Const k) {
            if (k.text().equals("True")) {
                return Boolean.TRUE;
            }
            if (k.text().equals("False")) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    /**
     * Follows a name to the call it is bound to, if any, and an item {@code d["key"]} of a dict literal a name is
     * bound to ({@code fk["table"]} for {@code fk} an item of a literal list of dicts a loop walks).
     */
    static Expr deref(Expr e, Scope scope) {
        for (int i = 0; i < 8 && scope != null; i++) {
            Expr v = e instanceof Expr.Name n ? scope.lookup(n.id())
                    : e instanceof Expr.Subscript sub ? dictItem(sub, scope) : null;
            if (v == null) {
                break;
            }
            e = v;
        }
        return e;
    }

    /**
     * The value of {@code d["key"]} when {@code d} is a name bound to a dict literal whose keys are all constant
     * strings, each written once, and {@code "key"} is one of them; null otherwise (a dict a statement may have
     * changed is unbound by then: {@code OpExtractor.forgetMutated}).
     */
    static Expr dictItem(Expr.Subscript sub, Scope scope) {
        if (!(sub.value() instanceof Expr.Name n) || !(sub.index() instanceof Expr.Str k) || !k.isConstant()
                || k.bytes() || scope == null || !(scope.lookup(n.id()) instanceof Expr.Dict d)) {
            return null;
        }
        Expr found = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < d.keys().size(); i++) {
            if (!(d.keys().get(i) instanceof Expr.Str key) || !key.isConstant() || key.bytes()
                    || !seen.add(key.constantText())) {
                return null;  // a `**spread`, a computed or repeated key: the dict's items are not all written out
            }
            if (key.constantText().equals(k.constantText())) {
                found = d.values().get(i);
            }
        }
        return found;
    }

    static boolean isEnumCall(Expr e) {
        if (!(e instanceof Expr.Call c)) {
            return false;
        }
        String last = Names.lastPart(c.func());
        return "Enum".equals(last) || "ENUM".equals(last);
    }

    /** The enum type of a column type expression (also inside ARRAY(...)), or null. */
    static EnumTypeRef enumType(Expr type, Scope scope) {
        Expr t = deref(type, scope);
        if (t instanceof Expr.Call c && !isEnumCall(c)) {
            String last = Names.lastPart(c.func());
            if ("ARRAY".equals(last) || "Array".equals(last)) {
                Expr inner = c.positional(0);
                return inner == null ? null : enumType(inner, scope);
            }
            return null;
        }
        if (!(t instanceof Expr.Call c)) {
            return null;
        }
        String last = Names.lastPart(c.func());
        boolean pgDialect = "ENUM".equals(last);
        String name = null;
        Arg nameKw = c.keyword("name");
        if (nameKw != null) {
            name = StringResolver.constant(nameKw.value(), scope);
        }
        List<String> labels = new ArrayList<>();
        boolean pythonEnumClass = false;
        for (Arg a : c.args()) {
            if (a.keyword() != null) {
                continue;
            }
            if (a.star() != 0) {
                labels = null;
                break;
            }
            String s = StringResolver.constant(a.value(), scope);
            if (s != null) {
                labels.add(s);
            } else if (a.value() instanceof Expr.Name || a.value() instanceof Expr.Attribute) {
                pythonEnumClass = true;
                if (nameKw == null) {
                    // SQLAlchemy names the type after the Python enum class, lower-cased.
                    String cls = Names.lastPart(a.value());
                    name = cls == null ? null : cls.toLowerCase(Locale.ROOT);
                }
            }
        }
        if (pythonEnumClass || labels == null) {
            labels = List.of();
        }
        Arg createType = c.keyword("create_type");
        Arg nativeEnum = c.keyword("native_enum");
        boolean isNative = !Boolean.FALSE.equals(bool(nativeEnum));
        return new EnumTypeRef(name, List.copyOf(labels), bool(createType), pgDialect, isNative, c.span(),
                createType == null ? null : createType.span(), check(nativeEnum, c.keyword("create_constraint")));
    }

    /** The CHECK constraint an Enum with these {@code native_enum=} and {@code create_constraint=} makes. */
    private static EnumTypeRef.Check check(Arg nativeEnum, Arg createConstraint) {
        if (nativeEnum == null || Boolean.TRUE.equals(bool(nativeEnum))) {
            return EnumTypeRef.Check.NONE;
        }
        Boolean create = createConstraint == null ? null : bool(createConstraint);
        if (Boolean.FALSE.equals(create)) {
            return EnumTypeRef.Check.NONE;
        }
        return Boolean.TRUE.equals(create) ? EnumTypeRef.Check.MADE : EnumTypeRef.Check.UNKNOWN;
    }
}
