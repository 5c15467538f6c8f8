package dev.idemlint.discovery;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a versions tree whose subfolders Alembic does not read by itself (no
 * {@code recursive_version_locations = true}) into the environments they really are: the files at the
 * top of the locations form one, and each folder of revisions joins the environment its revisions point
 * into ({@code down_revision}/{@code depends_on} naming a revision declared elsewhere, as Neutron's
 * {@code versions/<release>/expand} folders do, which its CLI lists in {@code version_locations}); a
 * folder nothing links to the rest is an environment of its own (Prefect's {@code versions/postgresql}
 * and {@code versions/sqlite}, which env.py picks at run time).
 *
 * <p>Only the literal header assignments of each file's first 8 KB are read; a file whose header is
 * not literal links nothing (its folder then stands alone unless others link to it).
 */
final class RevisionLinks {
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?m)^(revision|down_revision|depends_on)\\s*(?::[^=\\n]*)?=[ \\t]*");
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"");

    private RevisionLinks() {
    }

    /** The ids a file declares and refers to; {@code assigned} when it assigns {@code revision} at all. */
    record Header(boolean assigned, String revision, List<String> references) {
        boolean isRevision() {
            return assigned;
        }
    }

    /**
     * Groups of {@code files} that form separate revision graphs: {@code top} says which files sit at the
     * top of a location (they always form one group together, possibly empty); the other files are
     * grouped by their folder, then folders are joined through their references. Groups come out in the
     * order of their first file; files keep their order.
     */
    static List<List<Path>> environments(List<Path> files, Set<Path> top) {
        Path topUnit = Path.of("");
        Map<Path, Header> headers = new HashMap<>();
        Map<Path, Set<String>> declared = new LinkedHashMap<>();
        Map<Path, Set<String>> referenced = new HashMap<>();
        Map<String, Set<Path>> declaredBy = new HashMap<>();
        declared.put(topUnit, new LinkedHashSet<>());
        referenced.put(topUnit, new LinkedHashSet<>());
        for (Path f : files) {
            Header h = read(f);
            if (h == null || !h.isRevision()) {
                continue; // helpers and __init__.py go with the revisions around them (below)
            }
            headers.put(f, h);
            Path u = top.contains(f) ? topUnit : f.getParent();
            declared.computeIfAbsent(u, k -> new LinkedHashSet<>());
            referenced.computeIfAbsent(u, k -> new LinkedHashSet<>()).addAll(h.references());
            if (h.revision() != null) {
                declared.get(u).add(h.revision());
                declaredBy.computeIfAbsent(h.revision(), k -> new LinkedHashSet<>()).add(u);
            }
        }
        Map<Path, Path> parent = new HashMap<>();
        declared.keySet().forEach(u -> parent.put(u, u));
        for (Path u : declared.keySet()) {
            for (String r : referenced.get(u)) {
                if (declared.get(u).contains(r)) {
                    continue;
                }
                for (Path v : declaredBy.getOrDefault(r, Set.of())) {
                    union(parent, u, v);
                }
            }
        }
        Map<Path, List<Path>> groups = new LinkedHashMap<>();
        for (Path f : files) {
            Path unit = headers.containsKey(f) ? (top.contains(f) ? topUnit : f.getParent()) : home(f, top, declared);
            groups.computeIfAbsent(find(parent, unit), k -> new ArrayList<>()).add(f);
        }
        return List.copyOf(groups.values());
    }

    /**
     * Where a file that is no revision belongs: the nearest folder at or above it holding revisions, else
     * the top of the locations.
     */
    private static Path home(Path file, Set<Path> top, Map<Path, Set<String>> units) {
        if (top.contains(file)) {
            return Path.of("");
        }
        for (Path d = file.getParent(); d != null; d = d.getParent()) {
            if (units.containsKey(d)) {
                return d;
            }
        }
        return Path.of("");
    }

    /** The folders of a group, for naming it: the common ancestor of its files. */
    static Path commonFolder(List<Path> files) {
        Set<Path> dirs = new TreeSet<>();
        files.forEach(f -> dirs.add(f.getParent()));
        Path common = dirs.iterator().next();
        for (Path d : dirs) {
            while (common != null && !d.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common;
    }

    private static Path find(Map<Path, Path> parent, Path u) {
        Path p = parent.get(u);
        if (p.equals(u)) {
            return u;
        }
        Path root = find(parent, p);
        parent.put(u, root);
        return root;
    }

    private static void union(Map<Path, Path> parent, Path a, Path b) {
        Path ra = find(parent, a);
        Path rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb, ra);
        }
    }

    /** The literal revision header of a file's first 8 KB, or null when it cannot be read. */
    static Header read(Path file) {
        String text = Discovery.head(file, StandardCharsets.UTF_8);
        if (text == null) {
            return null;
        }
        Matcher m = ASSIGNMENT.matcher(text);
        String revision = null;
        boolean assigned = false;
        List<String> refs = new ArrayList<>();
        while (m.find()) {
            String value = valueText(text, m.end());
            List<String> ids = new ArrayList<>();
            Matcher q = QUOTED.matcher(value);
            while (q.find()) {
                ids.add(q.group(1) != null ? q.group(1) : q.group(2));
            }
            if (m.group(1).equals("revision")) {
                assigned = true;
                revision = ids.size() == 1 ? ids.get(0) : null;
            } else {
                refs.addAll(ids);
            }
        }
        return new Header(assigned, revision, refs);
    }

    /** The assigned value: the rest of the line, or up to the closing bracket of a tuple or list. */
    private static String valueText(String text, int start) {
        if (start < text.length() && (text.charAt(start) == '(' || text.charAt(start) == '[')) {
            char close = text.charAt(start) == '(' ? ')' : ']';
            int end = text.indexOf(close, start);
            return end < 0 ? "" : text.substring(start, end);
        }
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
