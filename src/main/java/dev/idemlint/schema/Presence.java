package dev.idemlint.schema;

/** Whether an object exists at a point: known there, known gone, or not known (never guessed). */
public enum Presence {
    PRESENT, ABSENT, UNKNOWN
}
