package dev.idemlint.migration;

import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.source.SharedStrings;
import java.util.ArrayList;
import java.util.List;

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
        for (Arg a : c.args()) {
            if (a.keyword() == null && a.value() instanceof Expr.Call ac
                    && "ForeignKey".equals(Names.lastPart(ac.func()))) {
                fk = true;
                Arg n = ac.keyword("name");
                if (n != null) {
                    fkName = StringResolver.constant(n.value(), scope);
                }
            }
        }
        EnumTypeRef enumRef = type == null ? null : enumType(type, scope);
        return new ColumnDef(name, type == null ? null : typeText(type), enumRef, isTrue(c.keyword("index")),
                isTrue(c.keyword("unique")), isTrue(c.keyword("primary_key")), fk, fkName, c.span());
    }

    private static String typeText(Expr type) {
        String d = Names.dotted(type instanceof Expr.Call c ? c.func() : type);
        // one copy of each type name (sa.Text, sa.DateTime...), not one per column kept to the run's end
        return d == null ? "?" : SharedStrings.of(d);
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

    /** Follows a name to the call it is bound to, if any. */
    static Expr deref(Expr e, Scope scope) {
        for (int i = 0; i < 8 && e instanceof Expr.Name n && scope != null; i++) {
            Expr v = scope.lookup(n.id());
            if (v == null) {
                break;
            }
            e = v;
        }
        return e;
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
                    name = cls == null ? null : cls.toLowerCase(java.util.Locale.ROOT);
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
                createType == null ? null : createType.span());
    }
}
