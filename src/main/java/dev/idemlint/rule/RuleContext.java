package dev.idemlint.rule;

import dev.idemlint.discovery.Settings;
import dev.idemlint.fix.Fix;
import dev.idemlint.source.SourceFile;
import dev.idemlint.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a rule sees while checking: the target settings and a way to report. The engine sets the
 * rule before each call; severity comes from the rule's doc (or the user's config), not from code.
 */
public final class RuleContext {
    private final Settings settings;
    private final Consumer<Diagnostic> sink;
    private final RuleCatalog catalog;
    private Rule current;

    public RuleContext(Settings settings, RuleCatalog catalog, Consumer<Diagnostic> sink) {
        this.settings = settings;
        this.catalog = catalog;
        this.sink = sink;
    }

    /** A context whose reports are added to {@code into}. */
    public static RuleContext into(Settings settings, RuleCatalog catalog, List<Diagnostic> into) {
        return new RuleContext(settings, catalog, new Into(into));
    }

    /**
     * Adds to a list: a class, not {@code list::add}. The lint path links no lambdas (see
     * {@code dev.idemlint.source.Background}).
     */
    private static final class Into implements Consumer<Diagnostic> {
        private final List<Diagnostic> list;

        Into(List<Diagnostic> list) {
            this.list = list;
        }

        @Override
        public void accept(Diagnostic d) {
            list.add(d);
        }
    }

    /** A context that reports for one rule, for running a rule outside the engine (tests, tools). */
    public static RuleContext forRule(Rule rule, Settings settings, RuleCatalog catalog, Consumer<Diagnostic> sink) {
        RuleContext ctx = new RuleContext(settings, catalog, sink);
        ctx.setCurrent(rule);
        return ctx;
    }

    public Settings settings() {
        return settings;
    }

    void setCurrent(Rule rule) {
        this.current = rule;
    }

    public Rule current() {
        return current;
    }

    /** Starts a diagnostic for the current rule; call {@link Builder#emit()} to report it. */
    public Builder report(SourceFile file, Span span, String message) {
        return new Builder(file, span, message);
    }

    public final class Builder {
        private final SourceFile file;
        private final Span span;
        private final String message;
        private String help = "";
        private final List<Fix> fixes = new ArrayList<>();
        private final List<Related> related = new ArrayList<>();

        private Builder(SourceFile file, Span span, String message) {
            this.file = file;
            this.span = span;
            this.message = message;
        }

        public Builder help(String text) {
            this.help = text;
            return this;
        }

        public Builder fix(Fix fix) {
            if (fix != null) {
                fixes.add(fix);
            }
            return this;
        }

        /** Adds fixes in order of preference; nulls are ignored. */
        public Builder fixes(List<Fix> alternatives) {
            for (Fix f : alternatives) {
                fix(f);
            }
            return this;
        }

        public Builder related(SourceFile f, Span s, String msg) {
            related.add(new Related(f, s, msg));
            return this;
        }

        public void emit() {
            String name = current.name();
            Severity severity = catalog.severity(name);
            sink.accept(new Diagnostic(name, severity, file, span, message, help, List.copyOf(fixes),
                    List.copyOf(related)));
        }
    }
}
