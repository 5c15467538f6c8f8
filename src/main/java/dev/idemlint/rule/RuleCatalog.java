package dev.idemlint.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rule metadata loaded from the {@code rules/*.md} pages bundled in the jar: the single source of
 * names, categories, default severities and docs. A page is read when it is first asked for: a lint needs the
 * pages of the rules that report something, and reading them all from the jar up front costs ~20 ms of start-up.
 */
public final class RuleCatalog {
    public static final String RESOURCE_DIR = "idemlint/rules/";

    /** Every rule this catalog has a page for, in name order. */
    private final SortedSet<String> names;
    /** The pages read so far (all of them for {@link #of}). */
    private final Map<String, RuleDoc> docs;

    private RuleCatalog(SortedSet<String> names, Map<String, RuleDoc> docs) {
        this.names = names;
        this.docs = docs;
    }

    /** The pages of the named rules, read from the classpath as they are asked for. */
    public static RuleCatalog load(Collection<String> names) {
        return new RuleCatalog(Collections.unmodifiableSortedSet(new TreeSet<>(names)), new ConcurrentHashMap<>());
    }

    /** A catalog of the given pages (tests, tools that bring their own docs). */
    public static RuleCatalog of(Collection<RuleDoc> pages) {
        Map<String, RuleDoc> docs = new ConcurrentHashMap<>();
        for (RuleDoc d : pages) {
            docs.put(d.name(), d);
        }
        return new RuleCatalog(Collections.unmodifiableSortedSet(new TreeSet<>(docs.keySet())), docs);
    }

    /** The page of {@code name}, or null when the catalog has none. */
    public RuleDoc doc(String name) {
        RuleDoc doc = docs.get(name);
        if (doc == null) {
            if (!names.contains(name)) {
                return null;
            }
            doc = read(name);
            RuleDoc first = docs.putIfAbsent(name, doc);
            doc = first != null ? first : doc;
        }
        return doc;
    }

    /** Every page, in rule-name order. */
    public Collection<RuleDoc> all() {
        List<RuleDoc> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(doc(name));
        }
        return Collections.unmodifiableList(out);
    }

    public Severity severity(String name) {
        RuleDoc d = doc(name);
        return d == null ? Severity.ERROR : d.severity();
    }

    private static RuleDoc read(String name) {
        String path = RESOURCE_DIR + name + ".md";
        // through the class, not its loader: inside a named module (the bundled runtime) the loader does
        // not hand out resources of a package the module keeps closed
        try (InputStream in = RuleCatalog.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing rule doc " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one page: {@code ---} front matter of {@code key: value} lines, then markdown. */
    public static RuleDoc parse(String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            throw new IllegalArgumentException("rule doc must start with front matter");
        }
        int end = t.indexOf("\n---\n", 4);
        if (end < 0) {
            throw new IllegalArgumentException("unterminated front matter");
        }
        Map<String, String> front = new HashMap<>();
        for (String line : t.substring(4, end).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                front.put(line.substring(0, colon).trim(), unquote(line.substring(colon + 1).trim()));
            }
        }
        String body = t.substring(end + 5);
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, sb.toString().strip());
                }
                heading = line.substring(3).strip();
                sb.setLength(0);
            } else if (heading != null) {
                sb.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, sb.toString().strip());
        }
        return new RuleDoc(front.get("name"), front.getOrDefault("category", "idempotency"),
                Severity.parse(front.getOrDefault("severity", "error")), front.getOrDefault("fix", "none"),
                front.getOrDefault("summary", ""), front.getOrDefault("tags", ""), body.strip(), sections);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
