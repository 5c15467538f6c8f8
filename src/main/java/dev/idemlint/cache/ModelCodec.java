package dev.idemlint.cache;

import dev.idemlint.migration.CallRef;
import dev.idemlint.migration.Migration;
import dev.idemlint.migration.RerunVerdicts;
import dev.idemlint.migration.Operation;
import dev.idemlint.migration.SqlText;
import dev.idemlint.python.Arg;
import dev.idemlint.python.Expr;
import dev.idemlint.python.StrPiece;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One revision's model ({@link Migration} after modelling, its syntax tree let go) as bytes and back,
 * so that a run with one changed revision parses that one only and runs the cross-file rules over the
 * others' stored models. The model is records, enums, lists, sets and strings all the way down, plus
 * {@link SqlText}, {@link CallRef} (its call is found again by parsing the file when a fix asks, as after
 * {@link Migration#releaseSyntax()}) and the revision's own {@link SourceFile}, which is not stored: the
 * reader passes it in, decoded from the bytes the entry's key was made from. Records are rebuilt through
 * their canonical constructors, only of idemlint's own record and enum classes. An object reached twice
 * (an operation in both {@code operations} and {@code upgrade}, one SQL text under many statements) is
 * stored once and read back as one object, so identity holds as it did. Anything else in a model is
 * {@link Unsupported}: that revision is not stored. Anything out of place in an entry is a
 * {@link EntryCodec.Malformed}, never a model.
 */
final class ModelCodec {
    private ModelCodec() {
    }

    /** A model holding a type this codec does not store: the file is not cached. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * A value's tag. From {@link #RECORD} on, the tags are of objects an entry may reach again: numbered in the
     * order they are finished, and written the second time as a {@link #REF} to that number.
     */
    private static final int NULL = 0, REF = 1, STRING = 2, INT = 3, TRUE = 4, FALSE = 5, LONG = 6, CHAR = 7, ENUM = 8,
            FILE = 9, SPAN = 10, RECORD = 11, LIST = 12, SET = 13, MAP = 14, SQL_TEXT = 15, CALL_REF = 16, OFFSETS = 17;

    /**
     * A record class's components and canonical constructor, or an enum's constants: looked up once per class
     * per run (asking reflection again copies them anew).
     */
    private record Shape(Method[] accessors, Constructor<?> constructor, Object[] constants) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            if (type.isEnum()) {
                return new Shape(null, null, type.getEnumConstants());
            }
            RecordComponent[] cs = type.getRecordComponents();
            if (cs == null) {
                throw new Unsupported("not a record: " + type.getName());
            }
            Method[] accessors = new Method[cs.length];
            Class<?>[] types = new Class<?>[cs.length];
            for (int i = 0; i < cs.length; i++) {
                accessors[i] = cs[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = cs[i].getType();
            }
            try {
                Constructor<?> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                return new Shape(accessors, c, null);
            } catch (NoSuchMethodException | RuntimeException e) {
                throw new Unsupported("no canonical constructor: " + type.getName());
            }
        }
    };
    private static final Map<String, Class<?>> CLASSES = new ConcurrentHashMap<>();

    /** Only idemlint's own records and enums are ever built from an entry. */
    private static boolean ours(Class<?> c) {
        return c.getName().startsWith("dev.idemlint.") && (c.isRecord() || c.isEnum());
    }

    static byte[] encode(Migration m) {
        Writer w = new Writer(m.source());
        for (Operation op : m.operations()) {
            CallRef ref = op.site().callRef();
            if (ref != null && ref.held() != null && !readWhole(op)) {
                w.reducible.add(ref.held());
            }
        }
        for (Operation op : m.operations()) {
            CallRef ref = op.site().callRef();
            if (ref != null && readWhole(op)) {
                // a call one operation shares with another whose call is read whole is kept whole
                w.reducible.remove(ref.held());
            }
        }
        // the verdicts are bound to the operations by position: written as their list, bound again when read
        w.value(m.withVerdicts(RerunVerdicts.NONE));
        w.value(m.verdicts().byPosition());
        return w.out.toArray();
    }

    /** The model in {@code data}, whose file is {@code file}. */
    static Migration decode(byte[] data, int offset, int length, SourceFile file) throws EntryCodec.Malformed {
        Reader r = new Reader(new EntryCodec.In(data, offset, length), file);
        Object o;
        Object verdicts;
        try {
            o = r.value(0);
            verdicts = r.value(0);
        } catch (EntryCodec.Malformed e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // a constructor that rejects its components, a type that is not what a component takes
            throw new EntryCodec.Malformed("model does not rebuild: " + e);
        }
        if (!(o instanceof Migration m) || !r.in.atEnd() || m.source() != file || m.module() != null
                || !(verdicts instanceof List<?> byPosition)) {
            throw new EntryCodec.Malformed("not a model of this file");
        }
        if (byPosition.isEmpty()) {
            return m;
        }
        if (byPosition.size() != m.operations().size()
                || !byPosition.stream().allMatch(v -> v == null || v instanceof RerunVerdicts.Verdict)) {
            throw new EntryCodec.Malformed("verdicts of other operations");
        }
        List<RerunVerdicts.Verdict> vs = new ArrayList<>();
        byPosition.forEach(v -> vs.add((RerunVerdicts.Verdict) v));
        return m.withVerdicts(RerunVerdicts.of(m.operations(), vs));
    }

    /**
     * An operation's call as the schema timeline reads it: its function and its {@code schema=} keyword.
     * A model read back from an entry is only read by {@code SchemaTimeline.recorded} before the linter
     * lets its calls go ({@link Migration#releaseSyntax()}; after that, a call is parsed again from the
     * file when asked), and the timeline reads an operation's call for its {@code schema=} keyword
     * and the whole call of a drop, an added constraint and an index
     * ({@link #readWhole}), which {@link #encode} keeps whole. The arguments (column definitions, SQL strings) were two thirds of a
     * stored model and of its decoding. ResultCacheTest's
     * {@code only_known_readers_read_an_operations_call_before_it_is_released} fails when another stage
     * starts reading calls.
     */
    static Expr.Call reduced(Expr.Call call) {
        List<Arg> kept = new ArrayList<>(1);
        for (Arg a : call.args()) {
            if ("schema".equals(a.keyword())) {
                kept.add(a);
            }
        }
        return new Expr.Call(call.func(), kept, call.argsSpan(), call.span());
    }

    /**
     * The operations whose calls the timeline reads beyond {@code schema=}: a constraint's or an index's name
     * under the naming convention (ConstraintNames.of, ofDrop), a dropped primary key ({@code Operation.Drop.primaryKey}).
     */
    private static boolean readWhole(Operation op) {
        return op instanceof Operation.Drop || op instanceof Operation.AddConstraint || op instanceof Operation.CreateIndex;
    }

    private static final class Writer {
        final EntryCodec.Out out = new EntryCodec.Out();
        final SourceFile file;
        final Map<Object, Integer> seen = new IdentityHashMap<>();
        /**
         * The operations' calls stored as {@link #reduced} (see there), by identity: two operations of one
         * call (an opaque call that also reads, in one statement) keep one call, reduced once.
         */
        final Set<Expr.Call> reducible = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<Expr.Call, Expr.Call> reducedOf = new IdentityHashMap<>();

        Writer(SourceFile file) {
            this.file = file;
        }

        void value(Object o) {
            if (o == null || o == RerunVerdicts.NONE) {
                // a model's own verdicts are written after it (encode); its constructor takes null as none
                out.u8(NULL);
            } else if (o instanceof String s) {
                out.u8(STRING);
                out.str(s);
            } else if (o instanceof Integer i) {
                out.u8(INT);
                out.i32(i);
            } else if (o instanceof Boolean b) {
                out.u8(b ? TRUE : FALSE);
            } else if (o instanceof Long l) {
                out.u8(LONG);
                out.i32((int) (l >>> 32));
                out.i32((int) (long) l);
            } else if (o instanceof Character c) {
                out.u8(CHAR);
                out.i32(c);
            } else if (o instanceof Enum<?> e) {
                out.u8(ENUM);
                value(e.getDeclaringClass().getName());
                out.i32(e.ordinal());
            } else if (o == file) {
                out.u8(FILE);
            } else if (o instanceof Span span) {
                // the most frequent record by far: written as its two offsets, without a name
                out.u8(SPAN);
                out.span(span);
            } else {
                object(o);
            }
        }

        /** An object a model may reach twice: written once, then as a {@link #REF} to its number. */
        private void object(Object o) {
            Integer ref = seen.get(o);
            if (ref != null) {
                out.u8(REF);
                out.i32(ref);
                return;
            }
            if (o instanceof SqlText t) {
                // a record, written by hand: its offsets and run-time parts are no records
                out.u8(SQL_TEXT);
                value(t.text());
                offsets(t.fileOffsets());
                value(t.dynamic());
                value(t.exprSpan());
                long[] parts = t.runtimeParts().toLongArray();
                out.i32(parts.length);
                for (long v : parts) {
                    value(v);
                }
                value(t.runtimeBinds());
            } else if (o instanceof Record r) {
                if (o instanceof SourceFile || !ours(o.getClass())) {
                    throw new Unsupported(o.getClass().getName());
                }
                Shape s = SHAPES.get(o.getClass());
                out.u8(RECORD);
                value(o.getClass().getName());
                out.i32(s.accessors().length);
                for (Method a : s.accessors()) {
                    try {
                        value(a.invoke(r));
                    } catch (ReflectiveOperationException e) {
                        throw new Unsupported("unreadable component of " + o.getClass().getName());
                    }
                }
            } else if (o instanceof List<?> l) {
                out.u8(LIST);
                out.i32(l.size());
                for (Object v : l) {
                    value(v);
                }
            } else if (o instanceof Set<?> set) {
                out.u8(SET);
                out.i32(set.size());
                for (Object v : set) {
                    value(v);
                }
            } else if (o instanceof Map<?, ?> map) {
                out.u8(MAP);
                out.i32(map.size());
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    value(e.getKey());
                    value(e.getValue());
                }
            } else if (o instanceof CallRef c) {
                if (c.file() != file) {
                    throw new Unsupported("a call in another file");
                }
                out.u8(CALL_REF);
                value(c.span());
                // the call itself while the linter still holds it: the schema timeline reads it, which
                // would otherwise parse the file again
                Expr.Call held = c.held();
                value(held != null && reducible.contains(held) ? reducedOf.computeIfAbsent(held, ModelCodec::reduced) : held);
            } else if (o instanceof StrPiece.Offsets offsets) {
                out.u8(OFFSETS);
                offsets(offsets.toArray());
            } else {
                throw new Unsupported(o.getClass().getName());
            }
            seen.put(o, seen.size());
        }

        /** File offsets as runs of consecutive values (a literal's chars mostly map one to one). */
        void offsets(int[] a) {
            int runs = 0;
            for (int i = 0; i < a.length; i++) {
                if (i == 0 || a[i] - i != a[i - 1] - (i - 1)) {
                    runs++;
                }
            }
            out.i32(a.length);
            out.i32(runs);
            for (int i = 0; i < a.length; i++) {
                if (i == 0 || a[i] - i != a[i - 1] - (i - 1)) {
                    out.i32(i);
                    out.i32(a[i] - i);
                }
            }
        }
    }

    private static final class Reader {
        final EntryCodec.In in;
        final SourceFile file;
        final List<Object> seen = new ArrayList<>();
        /**
         * Class names are strings of the entry, read back as one object each ({@link EntryCodec.In#str}): a
         * class's shape is looked up by the name's identity, once per name and entry (looking the class up,
         * asking it whether it is a record and copying its constants at every value were a sixth of decoding).
         */
        final Map<Object, Shape> shapes = new IdentityHashMap<>();

        Reader(EntryCodec.In in, SourceFile file) {
            this.in = in;
            this.file = file;
        }

        /** {@code into} with the next {@code n} values, one level below {@code depth}, added in order. */
        private <C extends Collection<Object>> C values(C into, int n, int depth) throws EntryCodec.Malformed {
            for (int i = 0; i < n; i++) {
                into.add(value(depth + 1));
            }
            return into;
        }

        /** {@code depth} bounds the recursion: a model nests a few levels, a guard's condition a few more. */
        Object value(int depth) throws EntryCodec.Malformed {
            if (depth > 200) {
                throw new EntryCodec.Malformed("nested too deeply");
            }
            int tag = in.u8();
            Object o = switch (tag) {
                case NULL -> null;
                case REF -> {
                    int i = in.i32();
                    if (i < 0 || i >= seen.size()) {
                        throw new EntryCodec.Malformed("reference out of range");
                    }
                    yield seen.get(i);
                }
                case STRING -> in.str(false);
                case INT -> in.i32();
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case LONG -> (long) in.i32() << 32 | in.i32() & 0xffffffffL;
                case CHAR -> (char) in.i32();
                case ENUM -> {
                    Object[] constants = shape(value(depth + 1)).constants();
                    if (constants == null) {
                        throw new EntryCodec.Malformed("not an enum");
                    }
                    yield in.ref(constants);
                }
                case FILE -> file;
                case SPAN -> in.span(Integer.MAX_VALUE);
                case RECORD -> {
                    Shape s = shape(value(depth + 1));
                    int n = in.i32();
                    if (s.accessors() == null || n != s.accessors().length) {
                        throw new EntryCodec.Malformed("record of another shape");
                    }
                    Object[] args = new Object[n];
                    for (int i = 0; i < n; i++) {
                        args[i] = value(depth + 1);
                    }
                    try {
                        yield s.constructor().newInstance(args);
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        throw new EntryCodec.Malformed("record does not rebuild");
                    }
                }
                case LIST -> {
                    int n = in.count(1);
                    yield Collections.unmodifiableList(values(new ArrayList<>(n), n, depth));
                }
                case SET -> {
                    int n = in.count(1);
                    yield Collections.unmodifiableSet(values(new LinkedHashSet<>(n * 2), n, depth));
                }
                case MAP -> {
                    int n = in.count(2);
                    Map<Object, Object> map = new LinkedHashMap<>(n * 2);
                    for (int i = 0; i < n; i++) {
                        map.put(value(depth + 1), value(depth + 1));
                    }
                    yield Collections.unmodifiableMap(map);
                }
                case SQL_TEXT -> {
                    String text = (String) value(depth + 1);
                    int[] offsets = offsets(text == null ? 0 : text.length() + 1);
                    Boolean dynamic = (Boolean) value(depth + 1);
                    Span expr = (Span) value(depth + 1);
                    long[] parts = new long[in.count(9)];
                    for (int i = 0; i < parts.length; i++) {
                        parts[i] = (Long) value(depth + 1);
                    }
                    @SuppressWarnings("unchecked")
                    Set<String> binds = (Set<String>) value(depth + 1);
                    if (text == null || binds == null) {
                        throw new EntryCodec.Malformed("bad SQL text");
                    }
                    yield SqlText.restore(text, offsets, dynamic, expr, BitSet.valueOf(parts), binds);
                }
                case CALL_REF -> {
                    Span span = (Span) value(depth + 1);
                    Expr.Call call = (Expr.Call) value(depth + 1);
                    if (span == null || span.end() > file.text().length() || call != null && !call.span().equals(span)) {
                        throw new EntryCodec.Malformed("call outside its file");
                    }
                    yield call == null ? new CallRef(file, span) : new CallRef(file, call);
                }
                case OFFSETS -> StrPiece.Offsets.of(offsets(file.text().length() + 1));
                default -> throw new EntryCodec.Malformed("unknown tag " + tag);
            };
            if (tag >= RECORD) {
                seen.add(o);
            }
            return o;
        }

        /** What {@link Writer#offsets} wrote: at most {@code max} entries. */
        int[] offsets(int max) throws EntryCodec.Malformed {
            int n = in.i32();
            int runs = in.count(8);
            if (n < 0 || n > max || runs > n || (runs == 0) != (n == 0)) {
                throw new EntryCodec.Malformed("bad offsets");
            }
            int[] a = new int[n];
            int from = 0;
            int delta = 0;
            for (int r = 0; r < runs; r++) {
                int next = in.i32();
                if (r == 0 ? next != 0 : next <= from || next >= n) {
                    throw new EntryCodec.Malformed("bad offsets");
                }
                for (int i = from; i < next; i++) {
                    a[i] = i + delta;
                }
                from = next;
                delta = in.i32();
            }
            for (int i = from; i < n; i++) {
                a[i] = i + delta;
            }
            return a;
        }

        /** The shape of the record or enum class {@code name} names. */
        private Shape shape(Object name) throws EntryCodec.Malformed {
            Shape s = shapes.get(name);
            if (s == null) {
                try {
                    s = SHAPES.get(globalType(name));
                } catch (Unsupported e) {
                    throw new EntryCodec.Malformed(e.getMessage());
                }
                shapes.put(name, s);
            }
            return s;
        }

        private static Class<?> globalType(Object name) throws EntryCodec.Malformed {
            if (!(name instanceof String s)) {
                throw new EntryCodec.Malformed("no class name");
            }
            Class<?> c = CLASSES.get(s);
            if (c == null) {
                if (!s.startsWith("dev.idemlint.")) {
                    throw new EntryCodec.Malformed("foreign class");
                }
                try {
                    c = Class.forName(s, false, ModelCodec.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new EntryCodec.Malformed("unknown class");
                }
                if (!ours(c)) {
                    throw new EntryCodec.Malformed("not a record or enum of idemlint");
                }
                CLASSES.put(s, c);
            }
            return c;
        }
    }
}
