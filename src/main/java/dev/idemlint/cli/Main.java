package dev.idemlint.cli;

import dev.idemlint.source.Printable;
import dev.idemlint.source.Spelling;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** Entry point: {@code idemlint <command>}. Exit 0 clean, 1 findings, 2 usage, I/O or internal error. */
public final class Main {
    public static final String VERSION = "0.1.0";

    private Main() {
    }

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /** The subcommands, in the order usage lists them. */
    private static final List<String> COMMANDS = List.of("lint", "rules", "explain", "heads", "graph", "plan", "server", "daemon");

    /**
     * A subcommand's model, or null for a name that is none. A run builds only the command it names,
     * and all of them when it names none (usage, help, typos): each model is a few milliseconds of
     * interpreted picocli code.
     */
    private static CommandSpec spec(String name) {
        return switch (name) {
            case "lint" -> LintCommand.spec();
            case "rules" -> RulesCommand.spec();
            case "explain" -> ExplainCommand.spec();
            case "heads" -> HeadsCommand.spec();
            case "graph" -> GraphCommand.spec();
            case "plan" -> PlanCommand.spec();
            case "server" -> ServerCommand.spec();
            case "daemon" -> DaemonCommand.spec();
            default -> null;
        };
    }

    /**
     * What {@code --version} prints: the version, then the Java runtime running it. The runtime is the
     * one bundled with idemlint (the wheel's and the tarball's) when this module is linked into it.
     */
    static String[] versionLines() {
        String java = "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
        boolean bundled = ModuleLayer.boot().configuration().findModule("idemlint")
                .flatMap(m -> m.reference().location())
                .filter(location -> "jrt".equals(location.getScheme()))
                .isPresent();
        return new String[] {
            "idemlint " + VERSION,
            bundled ? java + ", the runtime bundled with idemlint" : java + " at " + System.getProperty("java.home")
        };
    }

    /**
     * The command or option an unmatched argument was probably meant to be: the nearest subcommand name of the
     * command that did not match it, or the nearest of its option names for one starting with a dash; null when
     * none is near ({@link Spelling}).
     */
    private static String meant(CommandLine.UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        if (unmatched == null || unmatched.isEmpty()) {
            return null;
        }
        String typed = unmatched.get(0);
        CommandSpec spec = u.getCommandLine().getCommandSpec();
        List<String> names = new ArrayList<>();
        if (typed.startsWith("-")) {
            String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
            spec.options().forEach(o -> names.addAll(List.of(o.names())));
            return Spelling.nearest(name, names).orElse(null);
        }
        names.addAll(spec.subcommands().keySet());
        names.remove("help");
        return Spelling.nearest(typed, names).orElse(null);
    }

    /** The arguments this process was started with (null when it was not started by {@link #main}). */
    private static String[] arguments;

    public static void main(String[] args) {
        arguments = args.clone();
        System.exit(run(args));
    }

    /** The arguments this process was started with, or null. */
    static String[] arguments() {
        return arguments == null ? null : arguments.clone();
    }

    public static int run(String... args) {
        // picocli registers converters for java.time and java.sql types by reflection in every
        // CommandLine it makes, initialising those classes (DateTimeFormatter's tables among them);
        // no option of ours takes such a type. Its documented switch leaves them out.
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.[st].*");
        }
        CommandSpec root = Specs.command("idemlint",
                "Finds Alembic migrations that cannot be re-applied on PostgreSQL, MySQL or MariaDB.",
                new Function<>() {
                    @Override
                    public Callable<Integer> apply(CommandSpec spec) {
                        return new Callable<>() {
                            @Override
                            public Integer call() {
                                spec.commandLine().usage(spec.commandLine().getOut());
                                return 0;
                            }
                        };
                    }
                });
        CommandLine cl = new CommandLine(root);
        CommandSpec only = args.length > 0 ? spec(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], new CommandLine(only));
        } else {
            for (String name : COMMANDS) {
                cl.addSubcommand(name, new CommandLine(spec(name)));
            }
            cl.addSubcommand("help", CommandLine.HelpCommand.class);
        }
        // no ${...} in any of our texts: picocli would otherwise scan each option's default value and
        // description for variables as it parses (a few ms of interpreted code per run, and a large
        // method for C1 to compile). Set after the subcommands are added: it applies to those present.
        cl.setInterpolateVariables(false);
        // picocli turns a Path option's text into a Path by reflection (Paths.get), which spins classes at run time
        // that the AOT cache does not keep; the same call and message, written out
        cl.registerConverter(Path.class, new CommandLine.ITypeConverter<Path>() {
            @Override
            public Path convert(String value) {
                try {
                    return Paths.get(value);
                } catch (InvalidPathException e) {
                    throw new CommandLine.TypeConversionException(
                            "cannot convert '" + value + "' to " + Path.class + " (" + e + ")");
                }
            }
        });
        cl.setExecutionExceptionHandler(new CommandLine.IExecutionExceptionHandler() {
            @Override
            public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
                cmd.getErr().println("idemlint: " + Printable.line(String.valueOf(ex.getMessage())));
                return 2;
            }
        });
        cl.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
            @Override
            public int handleParseException(CommandLine.ParameterException ex, String[] a) {
                // one line, as Ruff's: the problem, the name meant when one is near, where the options are listed;
                // the arguments it quotes may be names a pull request chose (pre-commit passes staged file names)
                CommandLine cmd = ex.getCommandLine();
                String meant = ex instanceof CommandLine.UnmatchedArgumentException u ? meant(u) : null;
                String help = cmd.getCommandSpec().qualifiedName(" ") + " --help";
                cmd.getErr().println("idemlint: " + Printable.line(String.valueOf(ex.getMessage())
                        + (meant == null ? "" : "; did you mean '" + meant + "'?") + " (`" + help + "` lists "
                        + (cmd.getCommandSpec().subcommands().isEmpty() ? "the options" : "the commands") + ")"));
                return 2;
            }
        });
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands Errors (a stack or heap exhausted outside one file's work) straight through
            System.err.println("idemlint: internal error (" + e + "); please report it to the idemlint maintainers.");
            return 2;
        }
    }
}
