package dev.idemlint.fix;

/** How confidently a fix may be applied (Ruff's model). */
public enum Applicability {
    /** Applied by {@code --fix}: keeps behaviour on a fresh database and makes re-runs safe. */
    SAFE,
    /** Applied only with {@code --unsafe-fixes}: right in general, but may change behaviour. */
    UNSAFE,
    /** Shown, never applied: a suggestion a human has to finish. */
    DISPLAY_ONLY
}
