package dev.idemlint.report;

import dev.idemlint.source.Background;
import dev.idemlint.source.Printable;
import java.io.IOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * Minimal JSON for the hand-written reporters and the baseline (RFC 8259): string escaping, a
 * pretty printer over {@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean}/null
 * that keeps map order (so output is deterministic), and a reader for the same shapes.
 */
public final class Json {
    private Json() {
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        return str(s, new StringBuilder(s.length() + 2)).toString();
    }

    /** Appends {@code s} as a JSON string literal (or {@code null}) to {@code sb}; returns {@code sb}. */
    static StringBuilder str(String s, StringBuilder sb) {
        return s == null ? sb.append("null") : Printable.json(s, sb);
    }

    /** An insertion-ordered object, built fluently; null values are left out. */
    static final class Obj extends LinkedHashMap<String, Object> {
        Obj with(String key, Object value) {
            if (value != null) {
                put(key, value);
            }
            return this;
        }
    }

    static Obj obj() {
        return new Obj();
    }

    /** Pretty-prints with two-space indentation and a trailing newline. */
    static String write(Object value) {
        BytePrinter p = new BytePrinter(null, new JsonBytes(256));
        try {
            p.write(value, "");
        } catch (IOException e) {
            throw new IllegalStateException(e); // nothing is written out without a sink
        }
        return p.buf.raw('\n').toString();
    }

    /**
     * {@link #write(Object)} onto {@code out} as it goes: the text is handed over whenever 64 KB have
     * gathered between two elements of an array, so a big document (a SARIF log of 20,000 results)
     * is never held as one string; with {@link Lazy} arrays its elements are not held either. The
     * text is made as UTF-8 bytes (as {@link JsonBytes} escapes and encodes it), which a
     * {@link Utf8Output} takes as they are; another sink gets them decoded.
     */
    static void write(Object value, Appendable out) throws IOException {
        BytePrinter p = new BytePrinter(out, new JsonBytes(FLUSH_AT + (FLUSH_AT >> 2)));
        p.write(value, "");
        p.buf.raw('\n');
        p.flush();
    }

    /**
     * An array whose elements are made when they are written (and then let go), for arrays of many
     * big elements; reads as an ordinary list.
     */
    static final class Lazy extends AbstractList<Object> {
        private final int size;
        private final IntFunction<Object> element;

        Lazy(int size, IntFunction<Object> element) {
            this.size = size;
            this.element = element;
        }

        @Override
        public Object get(int i) {
            return element.apply(i);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Text gathered before it is handed to the sink (between two elements of an array). */
    private static final int FLUSH_AT = 1 << 16;

    /**
     * The pretty printer, writing straight into UTF-8 bytes: text gathered in a StringBuilder was
     * copied into a String, scanned for non-ASCII chars and copied again to encode it at every
     * hand-over to the UTF-8 sink, a fifth of a SARIF log's time.
     */
    private static final class BytePrinter {
        /** Where full buffers go; null for a printer that only fills its buffer. */
        private final Appendable out;
        private final JsonBytes buf;

        BytePrinter(Appendable out, JsonBytes buf) {
            this.out = out;
            this.buf = buf;
        }

        /** Hands what the buffer holds to the sink (whole elements only: never part of a char). */
        void flush() throws IOException {
            emit(buf.bytes(), buf.length());
            buf.clear();
        }

        void emit(byte[] utf8, int length) throws IOException {
            RenderedAhead.emit(utf8, 0, length, out);
        }

        /** Elements {@code from..to} of {@code l}, each after its separator and {@code inner}; the buffer. */
        JsonBytes elements(Lazy l, int from, int to, String inner) throws IOException {
            for (int i = from; i < to; i++) {
                if (i > 0) {
                    buf.raw(",\n");
                }
                buf.raw(inner);
                write(l.get(i), inner);
            }
            return buf;
        }

        private void writeInWindows(Lazy l, String inner) throws IOException {
            Json.writeInWindows(l, inner, this);
        }

        void write(Object v, String indent) throws IOException {
            if (v == null) {
                buf.raw("null");
            } else if (v instanceof String s) {
                buf.str(s);
            } else if (v instanceof Number || v instanceof Boolean) {
                buf.raw(v.toString());
            } else if (v instanceof Map<?, ?> m) {
                if (m.isEmpty()) {
                    buf.raw("{}");
                    return;
                }
                String inner = indent + "  ";
                buf.raw("{\n");
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        buf.raw(",\n");
                    }
                    buf.raw(inner).str(e.getKey().toString()).raw(": ");
                    first = false;
                    write(e.getValue(), inner);
                }
                buf.raw('\n').raw(indent).raw('}');
            } else if (v instanceof Lazy l && l.size() > WINDOW) {
                String inner = indent + "  ";
                buf.raw("[\n");
                writeInWindows(l, inner);
                buf.raw('\n').raw(indent).raw(']');
            } else if (v instanceof List<?> l) {
                if (l.isEmpty()) {
                    buf.raw("[]");
                    return;
                }
                String inner = indent + "  ";
                buf.raw("[\n");
                boolean first = true;
                for (Object o : l) {
                    if (!first) {
                        buf.raw(",\n");
                    }
                    buf.raw(inner);
                    first = false;
                    write(o, inner);
                    if (out != null && buf.length() >= FLUSH_AT) {
                        flush();
                    }
                }
                buf.raw('\n').raw(indent).raw(']');
            } else {
                throw new IllegalArgumentException("not a JSON value: " + v.getClass());
            }
        }
    }

    /** Elements of a {@link Lazy} array made and printed per window, half of them on the pool's worker. */
    private static final int WINDOW = 512;

    /**
     * A big {@link Lazy} array's elements (each preceded by its separator and indentation), made and
     * printed a window at a time: the first half of a window on this thread, the second on the pool's
     * worker, then both written in order. A SARIF log's results were made and printed on one thread
     * after the lint, with the other core idle. The element functions of Lazy arrays only read what
     * their reporter set up before writing.
     */
    private static void writeInWindows(Lazy l, String inner, BytePrinter into) throws IOException {
        int size = l.size();
        JsonBytes theirs = new JsonBytes(1 << 16);
        for (int from = 0; from < size; from += WINDOW) {
            int to = Math.min(size, from + WINDOW);
            int mid = (from + to) >>> 1;
            int start = from;
            JsonBytes second = theirs.clear();
            Background<JsonBytes> other = Background.start(new Callable<JsonBytes>() {
                @Override
                public JsonBytes call() throws IOException {
                    return new BytePrinter(null, second).elements(l, mid, to, inner);
                }
            });
            into.elements(l, start, mid, inner);
            JsonBytes done = other.join();
            into.flush();
            into.emit(done.bytes(), done.length());
        }
    }

    /**
     * Reads one JSON value: objects become insertion-ordered maps, arrays lists, numbers
     * {@code Long} or {@code Double}.
     */
    public static Object parse(String text) {
        Reader r = new Reader(text);
        r.ws();
        Object v = r.value();
        r.ws();
        if (r.pos != text.length()) {
            throw r.error("trailing content");
        }
        return v;
    }

    /** How deep arrays and objects may nest in text {@link #parse} reads: a baseline nests two levels. */
    static final int MAX_DEPTH = 64;

    private static final class Reader {
        private final String s;
        private int pos;
        private int depth;

        Reader(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + what);
        }

        void ws() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        char peek() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos);
        }

        void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        Object value() {
            char c = peek();
            if (c == '{') {
                return object();
            } else if (c == '[') {
                return array();
            } else if (c == '"') {
                return string();
            } else if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            } else if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            } else if (c == '-' || c >= '0' && c <= '9') {
                return number();
            }
            throw error("unexpected '" + c + "'");
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            members('{', '}', () -> {
                String key = string();
                ws();
                expect(':');
                ws();
                m.put(key, value());
            });
            return m;
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            members('[', ']', () -> l.add(value()));
            return l;
        }

        /** Reads {@code open}, each comma-separated member (with {@code member}) and {@code close}. */
        private void members(char open, char close, Runnable member) {
            if (++depth > MAX_DEPTH) {
                throw error("arrays and objects nested deeper than " + MAX_DEPTH);
            }
            expect(open);
            ws();
            if (peek() == close) {
                pos++;
                depth--;
                return;
            }
            while (true) {
                ws();
                member.run();
                ws();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(close);
                    depth--;
                    return;
                }
            }
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = peek();
                pos++;
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = peek();
                pos++;
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        Number number() {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            String n = s.substring(start, pos);
            try {
                return n.contains(".") || n.contains("e") || n.contains("E") ? (Number) Double.parseDouble(n)
                        : (Number) Long.parseLong(n);
            } catch (NumberFormatException ex) {
                throw error("bad number " + n);
            }
        }
    }
}
