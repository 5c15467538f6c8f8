package dev.idemlint.migration;

/** Which migration function an operation runs in. */
public enum Phase {
    UPGRADE, DOWNGRADE
}
