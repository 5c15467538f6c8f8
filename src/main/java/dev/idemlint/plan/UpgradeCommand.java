package dev.idemlint.plan;

import dev.idemlint.discovery.LintTarget;
import dev.idemlint.discovery.PinSource;

/**
 * The command a plan models, {@code alembic upgrade head} or {@code alembic upgrade heads}, and where that
 * came from ({@code from}): {@code --heads}, the config's {@code upgrade} or the deploy command read from the
 * project's files ({@code file:line (spec)}, as lint reads them: {@link dev.idemlint.discovery.DeployCommands}),
 * or {@code default: head} when nothing states it.
 */
public record UpgradeCommand(boolean heads, String from) {
    public static final String DEFAULT = "default: head";

    /** {@code heads} on request ({@code --heads}), else {@code head} by default. */
    public static UpgradeCommand given(boolean heads) {
        return heads ? new UpgradeCommand(true, "--heads") : new UpgradeCommand(false, DEFAULT);
    }

    /**
     * What {@code target}'s project deploys with: {@code heads} when {@code flag} ({@code --heads}) asks for it
     * or its settings say so (every deploy command found says {@code heads}, or the config does); else
     * {@code head}, from the config or the deploy command that says it, or by default.
     */
    public static UpgradeCommand of(LintTarget target, boolean flag) {
        if (flag) {
            return given(true);
        }
        PinSource heads = target.settings().upgradesHeads();
        if (heads != null) {
            return new UpgradeCommand(true, heads.toString());
        }
        PinSource stated = target.provenance().get("upgrade");
        return new UpgradeCommand(false, stated == null ? DEFAULT : stated.toString());
    }

    /** {@code alembic upgrade heads} or {@code alembic upgrade head}. */
    public String command() {
        return heads ? "alembic upgrade heads" : "alembic upgrade head";
    }

    /** Whether something other than the default states the command. */
    public boolean stated() {
        return !from.equals(DEFAULT);
    }
}
