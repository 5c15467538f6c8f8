package dev.idemlint.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the TOML that idemlint meets (config, pyproject.toml, uv.lock, poetry.lock) into nested
 * {@code Map<String,Object>}s: strings (all four kinds), integers as Long, floats as Double,
 * booleans, arrays as {@code List<Object>}, tables and inline tables as maps, arrays of tables as
 * lists of maps. Dates and times are kept as their text. Hand-written because the subset is small
 * and a dependency would be the only one outside the pipeline's own libraries.
 *
 * <p>The line where each key was defined is recorded under its dotted path (see {@link #lines}),
 * so config errors can point at the offending line.
 */
final class TomlReader {
    /** A syntax error with its 1-based line. */
    static final class TomlException extends Exception {
        private final int line;

        TomlException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** The parsed document and the 1-based line of each dotted key path. */
    record Document(Map<String, Object> root, Map<String, Integer> lines) {
        Object get(String dottedPath) {
            Object cur = root;
            for (String part : dottedPath.split("\\.")) {
                if (!(cur instanceof Map<?, ?> m)) {
                    return null;
                }
                cur = m.get(part);
            }
            return cur;
        }

        int lineOf(String dottedPath) {
            return lines.getOrDefault(dottedPath, 0);
        }
    }

    /** How deep arrays and inline tables may nest: idemlint's settings nest two levels at the most. */
    static final int MAX_DEPTH = 64;

    private final String src;
    private int pos;
    private int line = 1;
    private int depth;
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private TomlReader(String src) {
        this.src = src.startsWith("\uFEFF") ? src.substring(1) : src;
    }

    static Document parse(String text) throws TomlException {
        TomlReader r = new TomlReader(text);
        Map<String, Object> root = new LinkedHashMap<>();
        r.document(root);
        return new Document(root, r.lines);
    }

    private void document(Map<String, Object> root) throws TomlException {
        Map<String, Object> current = root;
        String currentPath = "";
        while (true) {
            skipBlankLinesAndComments();
            if (pos >= src.length()) {
                return;
            }
            char c = src.charAt(pos);
            if (c == '[') {
                int headerLine = line;
                boolean arrayOfTables = src.startsWith("[[", pos);
                pos += arrayOfTables ? 2 : 1;
                skipSpaces();
                List<String> keys = key();
                skipSpaces();
                expect(arrayOfTables ? "]]" : "]");
                endOfLine();
                currentPath = String.join(".", keys);
                lines.putIfAbsent(currentPath, headerLine);
                current = arrayOfTables ? appendTable(root, keys) : table(root, keys);
            } else {
                int keyLine = line;
                List<String> keys = key();
                skipSpaces();
                expect("=");
                skipSpaces();
                Object value = value();
                String path = (currentPath.isEmpty() ? "" : currentPath + ".") + String.join(".", keys);
                lines.put(path, keyLine);
                put(current, keys, value, keyLine);
                endOfLine();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> table(Map<String, Object> root, List<String> keys) throws TomlException {
        Map<String, Object> cur = root;
        for (String k : keys) {
            Object next = cur.get(k);
            if (next == null) {
                Map<String, Object> m = new LinkedHashMap<>();
                cur.put(k, m);
                cur = m;
            } else if (next instanceof Map<?, ?>) {
                cur = (Map<String, Object>) next;
            } else if (next instanceof List<?> l && !l.isEmpty() && l.get(l.size() - 1) instanceof Map<?, ?>) {
                cur = (Map<String, Object>) l.get(l.size() - 1);
            } else {
                throw new TomlException(line - 1, "key '" + k + "' is already a value, not a table");
            }
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> appendTable(Map<String, Object> root, List<String> keys) throws TomlException {
        Map<String, Object> parent = table(root, keys.subList(0, keys.size() - 1));
        String last = keys.get(keys.size() - 1);
        Object existing = parent.get(last);
        List<Object> list;
        if (existing == null) {
            list = new ArrayList<>();
            parent.put(last, list);
        } else if (existing instanceof List<?>) {
            list = (List<Object>) existing;
        } else {
            throw new TomlException(line - 1, "key '" + last + "' is already defined as a table");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        list.add(m);
        return m;
    }

    private void put(Map<String, Object> target, List<String> keys, Object value, int keyLine)
            throws TomlException {
        Map<String, Object> t = table(target, keys.subList(0, keys.size() - 1));
        String last = keys.get(keys.size() - 1);
        if (t.containsKey(last)) {
            throw new TomlException(keyLine, "duplicate key '" + String.join(".", keys) + "'");
        }
        t.put(last, value);
    }

    private List<String> key() throws TomlException {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= src.length()) {
                throw error("expected a key");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                parts.add(basicString());
            } else if (c == '\'') {
                parts.add(literalString());
            } else {
                int start = pos;
                while (pos < src.length() && isBareKeyChar(src.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw error("expected a key, found '" + c + "'");
                }
                parts.add(src.substring(start, pos));
            }
            skipSpaces();
            if (pos < src.length() && src.charAt(pos) == '.') {
                pos++;
            } else {
                return parts;
            }
        }
    }

    private static boolean isBareKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private Object value() throws TomlException {
        if (pos >= src.length()) {
            throw error("expected a value");
        }
        char c = src.charAt(pos);
        if (src.startsWith("\"\"\"", pos)) {
            return multilineBasicString();
        }
        if (src.startsWith("'''", pos)) {
            return multilineLiteralString();
        }
        if (c == '"') {
            return basicString();
        }
        if (c == '\'') {
            return literalString();
        }
        if (c == '[' || c == '{') {
            if (depth == MAX_DEPTH) {
                throw error("arrays and inline tables nested deeper than " + MAX_DEPTH);
            }
            depth++;
            Object nested = c == '[' ? array() : inlineTable();
            depth--;
            return nested;
        }
        if (src.startsWith("true", pos) && !bareContinues(pos + 4)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (src.startsWith("false", pos) && !bareContinues(pos + 5)) {
            pos += 5;
            return Boolean.FALSE;
        }
        int start = pos;
        while (pos < src.length() && "0123456789+-_.eExobabcdfABCDFinfnaT:Z ".indexOf(src.charAt(pos)) >= 0) {
            if (src.charAt(pos) == ' ' && !(pos > start && Character.isDigit(src.charAt(pos - 1))
                    && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))
                    && looksLikeDate(src.substring(start, pos)))) {
                break;
            }
            pos++;
        }
        String tok = src.substring(start, pos).trim();
        if (tok.isEmpty()) {
            throw error("expected a value, found '" + c + "'");
        }
        return number(tok);
    }

    private static boolean looksLikeDate(String s) {
        return s.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    private boolean bareContinues(int at) {
        return at < src.length() && isBareKeyChar(src.charAt(at));
    }

    private Object number(String tok) throws TomlException {
        String t = tok.replace("_", "");
        try {
            if (t.startsWith("0x")) {
                return Long.parseLong(t.substring(2), 16);
            }
            if (t.startsWith("0o")) {
                return Long.parseLong(t.substring(2), 8);
            }
            if (t.startsWith("0b")) {
                return Long.parseLong(t.substring(2), 2);
            }
            if (t.matches("[+-]?\\d+")) {
                return Long.parseLong(t);
            }
            if (t.matches("[+-]?(inf|nan)")) {
                return t.endsWith("inf") ? (t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                        : Double.NaN;
            }
            if (t.matches("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
                return Double.parseDouble(t);
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}.*|\\d{2}:\\d{2}.*")) {
                return tok; // dates and times: kept as text, nothing we read needs them
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw error("invalid value '" + tok + "'");
    }

    private List<Object> array() throws TomlException {
        pos++; // [
        List<Object> out = new ArrayList<>();
        while (true) {
            skipWhitespaceNewlinesComments();
            if (pos >= src.length()) {
                throw error("unterminated array");
            }
            if (src.charAt(pos) == ']') {
                pos++;
                return out;
            }
            out.add(value());
            skipWhitespaceNewlinesComments();
            if (closed(']', "array")) {
                return out;
            }
        }
    }

    /** After an item of an array or inline table: true past its closing {@code close}, false past a comma. */
    private boolean closed(char close, String what) throws TomlException {
        char c = pos < src.length() ? src.charAt(pos) : 0;
        if (c != ',' && c != close) {
            throw error("expected ',' or '" + close + "' in " + what);
        }
        pos++;
        return c == close;
    }

    private Map<String, Object> inlineTable() throws TomlException {
        pos++; // {
        Map<String, Object> out = new LinkedHashMap<>();
        skipSpaces();
        if (pos < src.length() && src.charAt(pos) == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipSpaces();
            int keyLine = line;
            List<String> keys = key();
            skipSpaces();
            expect("=");
            skipSpaces();
            put(out, keys, value(), keyLine);
            skipSpaces();
            if (closed('}', "inline table")) {
                return out;
            }
        }
    }

    private String basicString() throws TomlException {
        pos++; // "
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length() || src.charAt(pos) == '\n') {
                throw error("unterminated string");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                escape(sb);
            } else {
                sb.append(c);
            }
        }
    }

    private void escape(StringBuilder sb) throws TomlException {
        if (pos >= src.length()) {
            throw error("unterminated escape");
        }
        char e = src.charAt(pos++);
        switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'e' -> sb.append('\u001b');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u', 'U' -> {
                int n = e == 'u' ? 4 : 8;
                if (pos + n > src.length()) {
                    throw error("short unicode escape");
                }
                try {
                    sb.appendCodePoint(Integer.parseInt(src.substring(pos, pos + n), 16));
                } catch (IllegalArgumentException ex) {
                    throw error("invalid unicode escape");
                }
                pos += n;
            }
            default -> throw error("invalid escape '\\" + e + "'");
        }
    }

    private String literalString() throws TomlException {
        pos++; // '
        int end = src.indexOf('\'', pos);
        int nl = src.indexOf('\n', pos);
        if (end < 0 || (nl >= 0 && nl < end)) {
            throw error("unterminated string");
        }
        String s = src.substring(pos, end);
        pos = end + 1;
        return s;
    }

    private String multilineBasicString() throws TomlException {
        pos += 3;
        skipFirstNewline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("unterminated multi-line string");
            }
            if (src.startsWith("\"\"\"", pos)) {
                pos += 3;
                // up to two quotes may close the string right before the delimiter
                while (pos < src.length() && src.charAt(pos) == '"' && sb.length() >= 0) {
                    sb.append('"');
                    pos++;
                }
                return sb.toString();
            }
            char c = src.charAt(pos++);
            if (c == '\n') {
                line++;
                sb.append(c);
            } else if (c == '\\') {
                int save = pos;
                while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
                    pos++;
                }
                if (pos < src.length() && (src.charAt(pos) == '\n' || src.charAt(pos) == '\r')) {
                    // line-ending backslash: trim the newline and leading whitespace that follow
                    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                        if (src.charAt(pos) == '\n') {
                            line++;
                        }
                        pos++;
                    }
                } else {
                    pos = save;
                    escape(sb);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private String multilineLiteralString() throws TomlException {
        pos += 3;
        skipFirstNewline();
        int end = src.indexOf("'''", pos);
        if (end < 0) {
            throw error("unterminated multi-line string");
        }
        while (end + 3 < src.length() && src.charAt(end + 3) == '\'') {
            end++;
        }
        String s = src.substring(pos, end);
        for (int i = 0; i < s.length(); i++) {
            line += s.charAt(i) == '\n' ? 1 : 0;
        }
        pos = end + 3;
        return s;
    }

    private void skipFirstNewline() {
        if (src.startsWith("\r\n", pos)) {
            pos += 2;
            line++;
        } else if (pos < src.length() && src.charAt(pos) == '\n') {
            pos++;
            line++;
        }
    }

    private void expect(String s) throws TomlException {
        if (!src.startsWith(s, pos)) {
            throw error("expected '" + s + "'");
        }
        pos += s.length();
    }

    private void skipSpaces() {
        while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void endOfLine() throws TomlException {
        skipSpaces();
        if (pos < src.length() && src.charAt(pos) == '#') {
            skipComment();
        }
        if (pos < src.length() && src.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < src.length()) {
            if (src.charAt(pos) != '\n') {
                throw error("unexpected '" + src.charAt(pos) + "' after value");
            }
            pos++;
            line++;
        }
    }

    private void skipComment() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlankLinesAndComments() {
        skipWhitespaceNewlinesComments();
    }

    private void skipWhitespaceNewlinesComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                pos++;
                line++;
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private TomlException error(String message) {
        return new TomlException(line, message);
    }
}
