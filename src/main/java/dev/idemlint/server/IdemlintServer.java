package dev.idemlint.server;

import dev.idemlint.fix.Applicability;
import dev.idemlint.fix.Fix;
import dev.idemlint.rule.Diagnostic;
import dev.idemlint.rule.Linter;
import dev.idemlint.rule.Related;
import dev.idemlint.rule.RuleCatalog;
import dev.idemlint.rule.RuleDoc;
import dev.idemlint.rule.Severity;
import dev.idemlint.rules.Registry;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code idemlint server}: diagnostics for revision files on open, change and save, a code action per
 * fix (SAFE ones preferred, UNSAFE ones labelled), and the rule's page on hover. Buffers are linted on
 * one worker thread, newest state first: edits that arrive while a run is going on are checked together
 * by the next run.
 */
public final class IdemlintServer implements LanguageServer, LanguageClientAware, TextDocumentService,
        WorkspaceService {
    private final Linter linter;
    private final RuleCatalog catalog;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "idemlint-lint");
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private Workspace workspace;
    private LanguageClient client;
    /** Buffers changed since the worker last linted them. */
    private final Set<Path> dirty = new LinkedHashSet<>();
    /** What was published for each buffer: the findings and the text they were computed on. */
    private final Map<Path, Published> published = new HashMap<>();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private volatile boolean shutdown;
    private volatile Future<Void> listening;

    private record Published(String text, List<Diagnostic> findings, Positions positions) {
    }

    public IdemlintServer(Linter linter) {
        this.linter = linter;
        this.catalog = linter.catalog();
        this.workspace = new Workspace(linter, displayFrom(Paths.get("").toAbsolutePath()));
    }

    /**
     * Serves LSP on {@code in}/{@code out} until the client sends exit or closes the stream; returns the
     * exit code (0 after shutdown then exit, 1 otherwise, as the protocol says).
     */
    public static int run(Linter linter, InputStream in, OutputStream out) throws Exception {
        return serve(new IdemlintServer(linter), in, out);
    }

    static int serve(IdemlintServer server, InputStream in, OutputStream out) throws Exception {
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.listening = listening;
        try {
            listening.get();
        } catch (ExecutionException | CancellationException e) {
            // the stream closed
        }
        int code = server.exitCode.get();
        return code < 0 ? (server.shutdown ? 0 : 1) : code;
    }

    /** Paths as {@code lint} shows them when run in {@code root}. */
    static Function<Path, String> displayFrom(Path root) {
        return p -> {
            Path abs = p.toAbsolutePath().normalize();
            return (abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString()).replace(File.separatorChar, '/');
        };
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    @SuppressWarnings("deprecation")
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        String root = params.getRootUri();
        if (root == null && params.getWorkspaceFolders() != null && !params.getWorkspaceFolders().isEmpty()) {
            root = params.getWorkspaceFolders().get(0).getUri();
        }
        Path rootPath = root == null ? null : path(root);
        if (rootPath != null) {
            synchronized (lock) {
                workspace = new Workspace(linter, displayFrom(rootPath));
            }
        }
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        caps.setHoverProvider(true);
        InitializeResult result = new InitializeResult(caps);
        result.setServerInfo(new ServerInfo("idemlint", Registry.class.getPackage()
                .getImplementationVersion()));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exitCode.set(shutdown ? 0 : 1);
        worker.shutdownNow();
        // cancelling the listener closes the input and ends run(), which returns the exit code
        Future<Void> l = listening;
        if (l != null) {
            l.cancel(true);
        }
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return this;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return this;
    }

    // --- documents

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        Path p = path(params.getTextDocument().getUri());
        if (p == null || !p.toString().endsWith(".py")) {
            return;
        }
        synchronized (lock) {
            workspace.open(p, params.getTextDocument().getUri(), params.getTextDocument().getText(),
                    params.getTextDocument().getVersion());
        }
        schedule(p);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        Path p = path(params.getTextDocument().getUri());
        if (p == null) {
            return;
        }
        synchronized (lock) {
            Workspace.Buffer b = workspace.buffer(p);
            if (b == null) {
                return;
            }
            String text = b.text();
            for (TextDocumentContentChangeEvent c : params.getContentChanges()) {
                if (c.getRange() == null) {
                    text = c.getText();
                } else {
                    // incremental changes, should a client send them although the server asked for full texts
                    Positions pos = new Positions(text);
                    text = text.substring(0, pos.offset(c.getRange().getStart())) + c.getText()
                            + text.substring(pos.offset(c.getRange().getEnd()));
                }
            }
            Integer version = params.getTextDocument().getVersion();
            workspace.change(p, text, version == null ? b.version() : version);
        }
        schedule(p);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        Path p = path(params.getTextDocument().getUri());
        if (p == null) {
            return;
        }
        synchronized (lock) {
            workspace.saved();
            workspace.forget(p);
        }
        schedule(p);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        Path p = path(params.getTextDocument().getUri());
        if (p == null) {
            return;
        }
        synchronized (lock) {
            if (workspace.buffer(p) == null) {
                return;
            }
            workspace.close(p);
            published.remove(p);
            dirty.remove(p);
        }
        client.publishDiagnostics(new PublishDiagnosticsParams(params.getTextDocument().getUri(), List.of()));
    }

    private void schedule(Path p) {
        synchronized (lock) {
            if (!dirty.add(p)) {
                return; // a run for it is queued already and will read its newest text
            }
        }
        worker.execute(this::lintDirty);
    }

    /** Lints the next buffer changed since the last run, with every open buffer's newest text. */
    private void lintDirty() {
        Path next;
        Map<Path, Workspace.Buffer> open;
        Workspace ws;
        synchronized (lock) {
            if (dirty.isEmpty()) {
                return;
            }
            next = dirty.iterator().next();
            dirty.remove(next);
            open = workspace.buffers();
            ws = workspace;
        }
        // outside the lock: edits, code actions and hovers are answered while the run goes on
        Workspace.Outcome o;
        try {
            o = ws.lint(next, open);
        } catch (RuntimeException | StackOverflowError e) {
            client.logMessage(new MessageParams(MessageType.Error, "idemlint: cannot lint " + next + ": " + e));
            return;
        }
        if (o == null) {
            return;
        }
        Map<Path, String> uris = new LinkedHashMap<>();
        Map<Path, Integer> versions = new HashMap<>();
        synchronized (lock) {
            for (Map.Entry<Path, List<Diagnostic>> e : o.findings().entrySet()) {
                Workspace.Buffer b = open.get(e.getKey());
                Workspace.Buffer now = workspace.buffer(e.getKey());
                if (now == null || !now.text().equals(b.text())) {
                    continue; // closed or edited meanwhile: its own run publishes its newer findings
                }
                uris.put(e.getKey(), b.uri());
                versions.put(e.getKey(), b.version());
                published.put(e.getKey(), new Published(b.text(), e.getValue(), new Positions(b.text())));
                // a buffer checked by this run needs no run of its own unless it changes again
                dirty.remove(e.getKey());
            }
        }
        for (String problem : o.problems()) {
            client.logMessage(new MessageParams(MessageType.Warning, "idemlint: " + problem));
        }
        for (Map.Entry<Path, String> e : uris.entrySet()) {
            Published pub;
            synchronized (lock) {
                pub = published.get(e.getKey());
            }
            List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
            for (Diagnostic d : pub.findings()) {
                out.add(lsp(d, pub.positions()));
            }
            // the version lets the editor drop findings computed on a text it has edited since
            client.publishDiagnostics(new PublishDiagnosticsParams(e.getValue(), out, versions.get(e.getKey())));
        }
    }

    /** A finding as the protocol carries it, positions in the text {@code pos} indexes. */
    static org.eclipse.lsp4j.Diagnostic lsp(Diagnostic d, Positions pos) {
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(pos.range(d.span().start(), d.span().end()),
                d.message(), severity(d.severity()), "idemlint", d.rule());
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Related r : d.related()) {
            Positions rp = r.file().path().equals(d.file().path()) ? pos : new Positions(r.file().text());
            related.add(new DiagnosticRelatedInformation(new Location(r.file().path().toUri().toString(),
                    rp.range(r.span().start(), r.span().end())), r.message()));
        }
        if (!related.isEmpty()) {
            out.setRelatedInformation(related);
        }
        return out;
    }

    private static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }

    // --- code actions and hover

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        List<Either<Command, CodeAction>> actions = new ArrayList<>();
        Published pub = current(path(uri));
        if (pub == null) {
            return CompletableFuture.completedFuture(actions);
        }
        int from = pub.positions().offset(params.getRange().getStart());
        int to = pub.positions().offset(params.getRange().getEnd());
        for (Diagnostic d : pub.findings()) {
            if (d.span().start() > to || d.span().end() < from) {
                continue;
            }
            boolean preferred = true;
            for (Fix f : d.fixes()) {
                WorkspaceEdit edit = edit(f, d, uri, pub);
                if (edit == null) {
                    continue;
                }
                boolean safe = f.applicability() == Applicability.SAFE;
                CodeAction a = new CodeAction(f.title() + (safe ? "" : " (unsafe)"));
                a.setKind(CodeActionKind.QuickFix);
                a.setDiagnostics(List.of(lsp(d, pub.positions())));
                a.setEdit(edit);
                if (safe && preferred) {
                    a.setIsPreferred(true);
                    preferred = false;
                }
                actions.add(Either.forRight(a));
            }
        }
        return CompletableFuture.completedFuture(actions);
    }

    /**
     * The fix as a workspace edit, or null when it is none an editor can apply from this buffer: a
     * display-only fix, one that creates or renames files, or one that edits another file.
     */
    private static WorkspaceEdit edit(Fix f, Diagnostic d, String uri, Published pub) {
        if (f.applicability() == Applicability.DISPLAY_ONLY || f.edits().isEmpty() || !f.files().isEmpty()) {
            return null;
        }
        List<TextEdit> edits = new ArrayList<>();
        for (dev.idemlint.fix.TextEdit e : f.edits()) {
            if (e.file() != null && !e.file().equals(d.file().path())) {
                return null;
            }
            edits.add(new TextEdit(pub.positions().range(e.range().start(), e.range().end()), e.replacement()));
        }
        return new WorkspaceEdit(Map.of(uri, edits));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        Published pub = current(path(params.getTextDocument().getUri()));
        if (pub == null) {
            return CompletableFuture.completedFuture(null);
        }
        int at = pub.positions().offset(params.getPosition());
        StringBuilder md = new StringBuilder();
        Range range = null;
        Set<String> shown = new HashSet<>();
        for (Diagnostic d : pub.findings()) {
            if (at < d.span().start() || at > d.span().end() || !shown.add(d.rule())) {
                continue;
            }
            if (range == null) {
                range = pub.positions().range(d.span().start(), d.span().end());
            }
            if (md.length() > 0) {
                md.append("\n\n---\n\n");
            }
            md.append(page(d.rule()));
        }
        if (md.length() == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.completedFuture(new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()), range));
    }

    /** The rule's page as {@code idemlint explain} prints it. */
    private String page(String rule) {
        RuleDoc d = catalog.doc(rule);
        if (d == null) {
            return "**" + rule + "**";
        }
        return "# " + d.name() + " (" + d.category() + ", " + d.severity().label() + ", fix: " + d.fix() + ")\n\n"
                + d.summary() + "\n\n" + d.markdown();
    }

    /** The last published findings of the buffer at {@code p}, when they were computed on its current text. */
    private Published current(Path p) {
        if (p == null) {
            return null;
        }
        synchronized (lock) {
            Published pub = published.get(p);
            Workspace.Buffer b = workspace.buffer(p);
            return pub == null || b == null || !pub.text().equals(b.text()) ? null : pub;
        }
    }

    /** {@link Workspace#keptModels} of the current workspace (for tests). */
    int[] keptModels(Path versionsDir) {
        synchronized (lock) {
            return workspace.keptModels(versionsDir);
        }
    }

    // --- workspace

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // settings come from alembic.ini, pins and .idemlint.toml, as for `lint`
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        synchronized (lock) {
            workspace.saved();
            for (org.eclipse.lsp4j.FileEvent e : params.getChanges()) {
                Path p = path(e.getUri());
                if (p != null) {
                    workspace.forget(p);
                }
            }
        }
    }

    private static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            if (!"file".equals(u.getScheme())) {
                return null;
            }
            return Paths.get(u).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
