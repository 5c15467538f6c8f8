package dev.idemlint.report;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.fix.TextEdit;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Related;
import dev.idemlint.rule.RuleDoc;
import dev.idemlint.rule.RuleNames;
import dev.idemlint.rule.Severity;
import dev.idemlint.source.LineIndex;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run whose driver lists every
 * rule of the catalog (a stable rule list, whether or not it fired) with its docs, and one result
 * per diagnostic with full regions, related locations, a line-move-stable fingerprint and the SAFE
 * and UNSAFE fixes. URIs are relative to {@code %SRCROOT%}; columns count UTF-16 code units (Java
 * chars), SARIF's default. Output is deterministic: no timestamps, no absolute paths besides the
 * source root.
 */
public final class SarifReporter implements Reporter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = "https://github.com/idemlint/idemlint";
    public static final String RULE_DOC_URI = INFORMATION_URI + "/blob/main/rules/";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT_KEY = "idemlint/v1";

    private final Path srcRoot;
    private final String category;

    /** @param srcRoot the directory result URIs are relative to (usually the repository root) */
    public SarifReporter(Path srcRoot) {
        this(srcRoot, "lint");
    }

    public SarifReporter(Path srcRoot, String category) {
        this.srcRoot = srcRoot.toAbsolutePath().normalize();
        this.category = category;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        List<Diagnostic> diags = report.diagnostics();
        List<Object> rules = new ArrayList<>();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleDoc doc : report.catalog().all()) {
            ruleIndex.put(doc.name(), rules.size());
            rules.add(rule(doc, report.catalog().severity(doc.name())));
        }
        Artifacts artifacts = new Artifacts(diags);
        List<String> fingerprints = Fingerprint.of(diags);
        // Each result is made as it is written and then let go, and the log goes out in pieces: built
        // whole, as one tree and one string, a 3,700-file log (20,000 results) took 850 MB.
        List<Object> results = new Json.Lazy(diags.size(), new IntFunction<>() {
            @Override
            public Object apply(int i) {
                return result(diags.get(i), ruleIndex.get(diags.get(i).rule()), fingerprints.get(i), artifacts);
            }
        });
        Json.Obj driver = Json.obj()
                .with("name", "idemlint")
                .with("version", report.toolVersion())
                .with("semanticVersion", report.toolVersion())
                .with("informationUri", INFORMATION_URI)
                .with("rules", rules);
        Json.Obj run = Json.obj()
                .with("tool", Json.obj().with("driver", driver))
                .with("automationDetails", Json.obj().with("id", "idemlint/" + category + "/"))
                .with("originalUriBaseIds", Json.obj().with(SRCROOT, Json.obj().with("uri", rootUri())))
                .with("invocations", List.of(Json.obj().with("executionSuccessful", true)))
                .with("artifacts", artifacts.list())
                .with("columnKind", "utf16CodeUnits")
                .with("results", results);
        if (report.dialects() != null) {
            Json.Obj props = Json.obj().with("dialects", report.dialects());
            if (report.dialectSources() != null && !report.dialectSources().isEmpty()) {
                props.with("dialectSources", report.dialectSources());
            }
            run.with("properties", props);
        }
        Json.Obj log = Json.obj()
                .with("$schema", SCHEMA)
                .with("version", "2.1.0")
                .with("runs", List.of(run));
        Json.write(log, out);
    }

    private static Json.Obj rule(RuleDoc doc, Severity severity) {
        String help = helpMarkdown(doc);
        Set<String> tags = new LinkedHashSet<>();
        tags.add(doc.category());
        for (String t : doc.tags().split(",")) {
            if (!t.isBlank()) {
                tags.add(t.strip());
            }
        }
        String full = Markdown.plain(doc.section("What it does"));
        return Json.obj()
                .with("id", doc.name())
                .with("name", RuleNames.pascal(doc.name()))
                .with("shortDescription", Json.obj().with("text", doc.summary()))
                .with("fullDescription", Json.obj().with("text", full.isEmpty() ? doc.summary() : full))
                .with("help", Json.obj().with("text", Markdown.plain(help)).with("markdown", help))
                .with("helpUri", RULE_DOC_URI + doc.name() + ".md")
                .with("defaultConfiguration", Json.obj().with("level", level(severity)))
                .with("properties", Json.obj()
                        .with("tags", List.copyOf(tags))
                        // Graph rules read revision headers only: no heuristics about guards.
                        .with("precision", doc.category().equals("graph") ? "very-high" : "high")
                        .with("problem.severity", severity == Severity.INFO ? "recommendation" : severity.label()));
    }

    private static String helpMarkdown(RuleDoc doc) {
        StringBuilder sb = new StringBuilder();
        for (String heading : List.of("Why it breaks deploys", "Example", "Use instead")) {
            String body = doc.section(heading);
            if (!body.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : "\n\n").append("## ").append(heading).append("\n\n").append(body);
            }
        }
        return sb.length() == 0 ? doc.summary() : sb.toString();
    }

    private Json.Obj result(Diagnostic d, Integer ruleIdx, String fingerprint, Artifacts artifacts) {
        String message = d.message();
        List<Object> related = new ArrayList<>();
        int id = 1;
        for (Related r : d.related()) {
            related.add(Json.obj()
                    .with("id", id++)
                    .with("physicalLocation", physical(r.file(), r.span(), artifacts))
                    .with("message", Json.obj().with("text", r.message())));
        }
        List<Object> fixes = new ArrayList<>();
        for (Fix f : d.fixes()) {
            Json.Obj fix = fix(f, d.file(), artifacts);
            if (fix != null) {
                fixes.add(fix);
            }
        }
        Json.Obj result = Json.obj()
                .with("ruleId", d.rule())
                .with("ruleIndex", ruleIdx)
                .with("level", level(d.severity()))
                .with("message", Json.obj().with("text", message))
                .with("locations", List.of(Json.obj().with("physicalLocation", physical(d.file(), d.span(), artifacts))))
                .with("partialFingerprints", Json.obj().with(FINGERPRINT_KEY, fingerprint));
        if (!related.isEmpty()) {
            result.with("relatedLocations", related);
        }
        if (!fixes.isEmpty()) {
            result.with("fixes", fixes);
        }
        return result;
    }

    /**
     * A SAFE or UNSAFE fix as artifact changes; null for display-only suggestions (nothing to
     * apply) and for fixes that create or move files, which SARIF replacements cannot express.
     */
    private Json.Obj fix(Fix f, SourceFile own, Artifacts artifacts) {
        if (f.applicability() == Applicability.DISPLAY_ONLY || !f.files().isEmpty() || f.edits().isEmpty()) {
            return null;
        }
        Map<String, List<TextEdit>> byUri = new TreeMap<>();
        Map<String, Path> paths = new HashMap<>();
        for (TextEdit e : f.edits()) {
            Path p = e.file() == null ? own.path() : e.file();
            String uri = relativeUri(p);
            List<TextEdit> inUri = byUri.get(uri);
            if (inUri == null) {
                inUri = new ArrayList<>();
                byUri.put(uri, inUri);
            }
            inUri.add(e);
            paths.put(uri, p);
        }
        List<Object> changes = new ArrayList<>();
        for (Map.Entry<String, List<TextEdit>> c : byUri.entrySet()) {
            Path p = paths.get(c.getKey());
            SourceFile text = artifacts.source(p);
            List<Object> replacements = new ArrayList<>();
            // Regions refer to the original file; list them front to back.
            List<TextEdit> edits = new ArrayList<>(c.getValue());
            edits.sort(BY_START);
            for (TextEdit e : edits) {
                replacements.add(Json.obj()
                        .with("deletedRegion", text == null ? charRegion(e.range()) : region(text.lines(), e.range()))
                        .with("insertedContent", Json.obj().with("text", e.replacement())));
            }
            changes.add(Json.obj()
                    .with("artifactLocation", artifactLocation(p, artifacts))
                    .with("replacements", replacements));
        }
        return Json.obj()
                .with("description", Json.obj().with("text", f.title()))
                .with("artifactChanges", changes)
                .with("properties", Json.obj().with("applicability", f.applicability().name().toLowerCase(Locale.ROOT)));
    }

    private Json.Obj physical(SourceFile file, Span span, Artifacts artifacts) {
        return Json.obj()
                .with("artifactLocation", artifactLocation(file.path(), artifacts))
                .with("region", region(file.lines(), span));
    }

    private Json.Obj artifactLocation(Path p, Artifacts artifacts) {
        Json.Obj loc = Json.obj().with("uri", relativeUri(p));
        if (isUnderRoot(p)) {
            loc.with("uriBaseId", SRCROOT);
        }
        Integer index = artifacts.index(relativeUri(p));
        return loc.with("index", index);
    }

    /** 1-based lines and columns; the end column is the one just past the span, as SARIF wants. */
    static Json.Obj region(LineIndex lines, Span span) {
        return Json.obj()
                .with("startLine", lines.line(span.start()))
                .with("startColumn", lines.column(span.start()))
                .with("endLine", lines.line(span.end()))
                .with("endColumn", lines.column(span.end()));
    }

    private static Json.Obj charRegion(Span span) {
        return Json.obj().with("charOffset", span.start()).with("charLength", span.length());
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private boolean isUnderRoot(Path p) {
        return abs(p).startsWith(srcRoot);
    }

    private Path abs(Path p) {
        return srcRoot.resolve(p).normalize();
    }

    private static final Comparator<TextEdit> BY_START = new Comparator<>() {
        @Override
        public int compare(TextEdit a, TextEdit b) {
            return Integer.compare(a.range().start(), b.range().start());
        }
    };

    /**
     * {@link #relativeUri} by path: every result asks for its file's, a few times. Concurrent: the
     * results are made on two threads (Json writes big lazy arrays in windows), after {@link
     * Artifacts} has asked for every path they use.
     */
    private final Map<Path, String> uris = new ConcurrentHashMap<>();

    /** Relative to the source root when under it (percent-encoded, '/' separated), else a file URI. */
    String relativeUri(Path p) {
        String uri = uris.get(p);
        if (uri == null) {
            uri = uriOf(p);
            uris.put(p, uri);
        }
        return uri;
    }

    private String uriOf(Path p) {
        Path a = abs(p);
        if (!a.startsWith(srcRoot)) {
            return a.toUri().toASCIIString();
        }
        StringBuilder rel = new StringBuilder();
        for (Path part : srcRoot.relativize(a)) {
            rel.append(rel.length() == 0 ? "" : "/").append(part);
        }
        try {
            return new URI(null, null, rel.toString(), null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String rootUri() {
        String u = srcRoot.toUri().toASCIIString();
        return u.endsWith("/") ? u : u + "/";
    }

    /** The files results point into, sorted by URI, with their source text when the report has it. */
    private final class Artifacts {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<Path, SourceFile> sources = new HashMap<>();
        private final List<Object> list = new ArrayList<>();

        Artifacts(List<Diagnostic> diags) {
            Map<String, Path> uris = new TreeMap<>();
            for (Diagnostic d : diags) {
                add(d.file(), uris);
                for (Related r : d.related()) {
                    add(r.file(), uris);
                }
            }
            for (Diagnostic d : diags) {
                for (Fix f : d.fixes()) {
                    for (TextEdit e : f.edits()) {
                        Path p = e.file() == null ? d.file().path() : e.file();
                        uris.putIfAbsent(relativeUri(p), p);
                    }
                }
            }
            Set<String> sorted = new TreeSet<>(uris.keySet());
            for (String uri : sorted) {
                index.put(uri, list.size());
                Json.Obj loc = Json.obj().with("uri", uri);
                if (isUnderRoot(uris.get(uri))) {
                    loc.with("uriBaseId", SRCROOT);
                }
                list.add(Json.obj().with("location", loc));
            }
        }

        private void add(SourceFile f, Map<String, Path> uris) {
            uris.putIfAbsent(relativeUri(f.path()), f.path());
            sources.putIfAbsent(abs(f.path()), f);
        }

        Integer index(String uri) {
            return index.get(uri);
        }

        SourceFile source(Path p) {
            return sources.get(abs(p));
        }

        List<Object> list() {
            return list;
        }
    }
}
