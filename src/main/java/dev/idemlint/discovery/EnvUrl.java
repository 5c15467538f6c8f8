package dev.idemlint.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database URL an env.py builds or reads, read as text and never run: the first argument of
 * {@code create_engine(...)}/{@code create_async_engine(...)}, the value of
 * {@code config.set_main_option("sqlalchemy.url", ...)} and of {@code context.configure(url=...)}. A
 * value counts when it starts with a string literal holding the scheme ({@code "mysql+pymysql://..."},
 * {@code f"mysql://{user}@{host}/db"}, {@code "mysql://" + host}), or is a name assigned such a value
 * in the file. Anything else ({@code os.environ[...]}, {@code f"{driver}://..."}, a call) names no
 * dialect. When the URLs found name different backends (a sqlite URL for tests beside a MySQL one) the
 * file names none: which runs is decided at run time. Work is one linear pass over the text.
 */
final class EnvUrl {
    /**
     * Where the dialect was read: 1-based line and the call shown without anything after the scheme;
     * {@code dialect} is null when the backend is one idemlint does not model, named by {@code unmodelled}.
     */
    record Found(Dialect dialect, int line, String shown, String unmodelled) {
    }

    private enum Kind { NAME, STRING, OP }

    /** A token; {@code text} is the literal's content for strings (an f-string's up to its first brace). */
    private record Token(Kind kind, String text, int line) {
    }

    private EnvUrl() {
    }

    static Optional<Found> read(String source) {
        List<Token> ts = tokens(source);
        Map<String, Token> assigned = new HashMap<>();
        for (int i = 0; i + 2 < ts.size(); i++) {
            // NAME = "scheme://..." at any depth; a name assigned twice with different values is not kept
            if (ts.get(i).kind == Kind.NAME && isOp(ts.get(i + 1), "=") && ts.get(i + 2).kind == Kind.STRING
                    && (i == 0 || !isOp(ts.get(i - 1), "."))) {
                Token prev = assigned.putIfAbsent(ts.get(i).text, ts.get(i + 2));
                if (prev != null && !prev.text.equals(ts.get(i + 2).text)) {
                    assigned.put(ts.get(i).text, new Token(Kind.OP, "", prev.line));
                }
            }
        }
        List<Found> found = new ArrayList<>();
        for (int i = 0; i + 2 < ts.size(); i++) {
            Token t = ts.get(i);
            if (t.kind != Kind.NAME || !isOp(ts.get(i + 1), "(")) {
                continue;
            }
            int arg = -1;
            String call = t.text;
            switch (t.text) {
                case "create_engine", "create_async_engine" -> arg = i + 2;
                case "set_main_option" -> {
                    if (i + 4 < ts.size() && ts.get(i + 2).kind == Kind.STRING
                            && ts.get(i + 2).text.equals("sqlalchemy.url") && isOp(ts.get(i + 3), ",")) {
                        arg = i + 4;
                        call = "set_main_option(\"sqlalchemy.url\", ";
                    }
                }
                case "configure" -> arg = keyword(ts, i + 2, "url");
                default -> {
                }
            }
            if (arg < 0 || arg >= ts.size()) {
                continue;
            }
            Token value = ts.get(arg);
            if (value.kind == Kind.NAME && arg + 1 < ts.size()
                    && (isOp(ts.get(arg + 1), ",") || isOp(ts.get(arg + 1), ")"))) {
                value = assigned.get(value.text);
            }
            if (value == null || value.kind != Kind.STRING) {
                continue;
            }
            int scheme = value.text.indexOf("://");
            Optional<Dialect> d = scheme > 0 ? Dialect.fromUrl(value.text) : Optional.empty();
            String prefix = scheme > 0 ? value.text.substring(0, scheme + 3) : value.text;
            String shown = (call.endsWith(" ") ? call : call + (call.equals("configure") ? "(url=" : "("))
                    + "\"" + prefix + "...\")";
            // a URL of another backend (sqlite) counts: it disagrees with the rest. An Oracle or SQL Server URL
            // names a backend idemlint does not model; a sqlite one is the usual stand-in for tests and
            // offline runs, never taken for the deploy's database
            String other = d.isPresent() ? null
                    : Dialect.unmodelledBackend(value.text).filter(b -> !b.equals("sqlite")).orElse(null);
            found.add(new Found(d.orElse(null), t.line, shown, other));
        }
        if (found.isEmpty() || found.stream().anyMatch(f -> backend(f) == null
                || !backend(f).equals(backend(found.get(0))))) {
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    private static String backend(Found f) {
        return f.dialect() != null ? f.dialect().toString() : f.unmodelled();
    }

    /**
     * {@code config.set_main_option("version_locations", f"{database_type}_versions")}: an env.py that picks its
     * versions folder by the database's backend name at run time (bunkerweb: {@code postgresql_versions},
     * {@code mysql_versions}, {@code mariadb_versions}, {@code sqlite_versions}). The folder {@code folder} is then
     * the one the backend its name starts with runs: empty when env.py sets no such location, or when the folder
     * does not end as the f-string does; a backend idemlint does not model ({@code sqlite_versions}) is found with
     * no dialect, named by {@link Found#unmodelled}.
     */
    static Optional<Found> versionsFolder(String source, String folder) {
        Matcher m = FOLDER_BY_BACKEND.matcher(source);
        while (m.find()) {
            String suffix = m.group(1);
            if (!suffix.isEmpty() && folder.endsWith(suffix) && folder.length() > suffix.length()) {
                String backend = folder.substring(0, folder.length() - suffix.length());
                Optional<Dialect> d = Dialect.fromUrl(backend + "://");
                Optional<String> other = Dialect.unmodelledBackend(backend + "://");
                if (d.isPresent() || other.isPresent()) {
                    int line = 1 + (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    return Optional.of(new Found(d.orElse(null), line, "set_main_option(\"version_locations\", f\"{...}"
                            + suffix + "\") for " + folder, other.orElse(null)));
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern FOLDER_BY_BACKEND = Pattern.compile(
            "set_main_option\\(\\s*[\"']version_locations[\"']\\s*,\\s*f[\"']\\{[^{}\"'\n]{1,200}\\}([A-Za-z0-9_.-]{0,100})[\"']\\s*\\)");

    /** The token after {@code name=} among the call's top-level arguments starting at {@code from}, or -1. */
    private static int keyword(List<Token> ts, int from, String name) {
        int depth = 0;
        for (int j = from; j + 2 < ts.size(); j++) {
            Token t = ts.get(j);
            if (t.kind == Kind.OP && "([{".contains(t.text)) {
                depth++;
            } else if (t.kind == Kind.OP && ")]}".contains(t.text)) {
                if (depth-- == 0) {
                    return -1;
                }
            } else if (depth == 0 && t.kind == Kind.NAME && t.text.equals(name) && isOp(ts.get(j + 1), "=")
                    && (j == from || isOp(ts.get(j - 1), ","))) {
                return j + 2;
            }
        }
        return -1;
    }

    private static boolean isOp(Token t, String op) {
        return t.kind == Kind.OP && t.text.equals(op);
    }

    /** Names, string literals and single-character operators; comments dropped. Linear in the text. */
    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            String prefix = "";
            if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                if (!(i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"') && word.length() <= 2
                        && word.toLowerCase().matches("[rbuf]|rb|br|fr|rf"))) {
                    out.add(new Token(Kind.NAME, word, line));
                    continue;
                }
                prefix = word.toLowerCase();
                c = s.charAt(i);
            }
            if (c == '\'' || c == '"') {
                boolean f = prefix.contains("f");
                int startLine = line;
                int[] end = new int[1];
                String body = literal(s, i, prefix.contains("r"), end);
                for (int k = i; k < end[0]; k++) {
                    line += s.charAt(k) == '\n' ? 1 : 0;
                }
                i = end[0];
                out.add(new Token(Kind.STRING, f ? beforeBrace(body) : body, startLine));
            } else if (c == '\n') {
                line++;
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                out.add(new Token(Kind.OP, String.valueOf(c), line));
                i++;
            }
        }
        return out;
    }

    /** The content of the literal opening at {@code at}; {@code end[0]} is set past its closing quote. */
    private static String literal(String s, int at, boolean raw, int[] end) {
        char q = s.charAt(at);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), at);
        int i = at + (triple ? 3 : 1);
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append(raw ? "\\" + s.charAt(i + 1) : String.valueOf(s.charAt(i + 1)));
                i += 2;
            } else if (triple ? s.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
                end[0] = i + (triple ? 3 : 1);
                return b.toString();
            } else if (c == '\n' && !triple) {
                break;
            } else {
                b.append(c);
                i++;
            }
        }
        end[0] = i;
        return b.toString();
    }

    /** An f-string's literal text before its first replacement field ({@code {{} is a brace). */
    private static String beforeBrace(String body) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                b.append('{');
                i++;
            } else if (c == '{') {
                break;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
