package dev.idemlint.cli;

import dev.idemlint.rule.Linter;
import dev.idemlint.rules.Registry;
import dev.idemlint.server.IdemlintServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code idemlint server}: the Language Server on stdin/stdout. Its types live in the server package,
 * loaded only here, so {@code lint} starts without lsp4j.
 */
final class ServerCommand implements Callable<Integer> {

    static CommandSpec spec() {
        CommandSpec s = Specs.command("server", "Run the Language Server (LSP) on stdin/stdout for editors.",
                parsed -> new ServerCommand());
        Specs.flag(s, "--stdio", "talk over stdin/stdout (the default and only transport; editors pass it)");
        return s;
    }

    private ServerCommand() {
    }

    @Override
    public Integer call() throws Exception {
        // stdout carries the protocol alone: anything else printed would corrupt a message
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return IdemlintServer.run(new Linter(Registry.all(), Engine.catalog()), new FileInputStream(FileDescriptor.in),
                protocol);
    }
}
