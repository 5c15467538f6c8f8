package dev.idemlint.rule;

import java.util.List;

/** Diagnostics the engine itself reports about its input; they have docs like rules do. */
public final class BuiltinChecks {
    public static final String PARSE_ERROR = "parse-error";
    public static final String IO_ERROR = "io-error";
    /** idemlint itself failed on a file (a bug, or input too big for memory): the run exits 2. */
    public static final String INTERNAL_ERROR = "internal-error";
    public static final List<String> NAMES = List.of(PARSE_ERROR, IO_ERROR, INTERNAL_ERROR);

    private BuiltinChecks() {
    }
}
