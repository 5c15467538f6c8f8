package dev.idemlint.discovery;

/**
 * Where a setting came from, for {@code lint -v} and explain output: the file (a pin file or
 * config, relative to the project root when inside it, or a CLI flag such as
 * {@code --alembic-version}), the 1-based line (0 = none) and the text found there, e.g.
 * {@code alembic~=1.9}.
 */
public record PinSource(String file, int line, String spec) {
    public PinSource(String file, String spec) {
        this(file, 0, spec);
    }

    /** {@code docker-compose.yml:300}: the file and, when known, the line. */
    public String at() {
        return file + (line > 0 ? ":" + line : "");
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + " (" + spec + ")";
    }
}
