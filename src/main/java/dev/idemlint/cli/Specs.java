package dev.idemlint.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' picocli models, built with picocli's programmatic API instead of annotations.
 *
 * <p>Reading annotations costs a dynamic proxy class per annotation type and reflection over every
 * field and method, all interpreted: 65 ms of a run on this project's 2-core benchmark machine,
 * against 30 ms for the same model built here (bench/NOTES.md). Each command declares its
 * options in a static {@code spec()} and reads the parsed values from the spec when it runs.
 */
final class Specs {
    private Specs() {
    }

    /**
     * A command named {@code name} whose body is made from its parsed spec when picocli runs it; with
     * {@code -h/--help} and {@code -V/--version}, as every command has.
     */
    static CommandSpec command(String name, String description, Function<CommandSpec, Callable<Integer>> body) {
        Runner runner = new Runner(body);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(runner);
        runner.spec = spec;
        spec.name(name);
        spec.versionProvider(Main::versionLines);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print the version and the Java runtime, and exit.").build());
        return spec;
    }

    /** An option taking one value ({@code defaultValue} may be null). */
    static void option(CommandSpec spec, String name, Class<?> type, String label, String description,
            String defaultValue) {
        spec.addOption(OptionSpec.builder(name).type(type).paramLabel(label).description(description)
                .defaultValue(defaultValue).build());
    }

    /** An option with a short and a long name taking one value. */
    static void option(CommandSpec spec, String shortName, String name, Class<?> type, String label,
            String description) {
        spec.addOption(OptionSpec.builder(shortName, name).type(type).paramLabel(label).description(description)
                .build());
    }

    /** A repeatable option whose values may also be given comma-separated. */
    static void listOption(CommandSpec spec, String name, String label, String description) {
        spec.addOption(OptionSpec.builder(name).type(List.class).auxiliaryTypes(String.class).splitRegex(",")
                .paramLabel(label).description(description).build());
    }

    /** A flag: true when given, under any of its names. */
    static void flag(CommandSpec spec, String name, String description) {
        spec.addOption(OptionSpec.builder(name).type(boolean.class).description(description).build());
    }

    /** A flag with a short and a long name. */
    static void flag(CommandSpec spec, String shortName, String name, String description) {
        spec.addOption(OptionSpec.builder(shortName, name).type(boolean.class).description(description).build());
    }

    /** Positional parameters: any number of {@code type}, or exactly one. */
    static void positional(CommandSpec spec, Class<?> type, boolean many, String label, String description) {
        PositionalParamSpec.Builder b = PositionalParamSpec.builder().paramLabel(label).description(description);
        if (many) {
            b.type(List.class).auxiliaryTypes(type).arity("0..*");
        } else {
            b.type(type).arity("1").required(true);
        }
        spec.addPositional(b.build());
    }

    /** One optional positional parameter of {@code type}. */
    static void optionalPositional(CommandSpec spec, Class<?> type, String label, String description) {
        spec.addPositional(PositionalParamSpec.builder().paramLabel(label).description(description).type(type)
                .arity("0..1").build());
    }

    /** Whether flag {@code name} was given. */
    static boolean flag(CommandSpec spec, String name) {
        return Boolean.TRUE.equals(spec.findOption(name).getValue());
    }

    /** The parsed value of option {@code name} (its default when not given). */
    @SuppressWarnings("unchecked")
    static <T> T value(CommandSpec spec, String name) {
        return (T) spec.findOption(name).getValue();
    }

    /** The parsed values of a repeatable option, or an empty list. */
    static <T> List<T> values(CommandSpec spec, String name) {
        List<T> v = value(spec, name);
        return v == null ? List.of() : v;
    }

    /** The parsed positional parameters, or an empty list. */
    @SuppressWarnings("unchecked")
    static <T> List<T> positionals(CommandSpec spec) {
        List<T> v = (List<T>) spec.positionalParameters().get(0).getValue();
        return v == null ? List.of() : v;
    }

    /** The parsed value of a command's one positional parameter. */
    @SuppressWarnings("unchecked")
    static <T> T single(CommandSpec spec) {
        return (T) spec.positionalParameters().get(0).getValue();
    }

    private static final class Runner implements Callable<Integer> {
        private final Function<CommandSpec, Callable<Integer>> body;
        private CommandSpec spec;

        Runner(Function<CommandSpec, Callable<Integer>> body) {
            this.body = body;
        }

        @Override
        public Integer call() throws Exception {
            return body.apply(spec).call();
        }
    }
}
