package dev.idemlint.sql;

/** One statement's char range {@code [start, end)} in a SQL string, without its {@code ;}, whitespace or comments. */
public record SqlStatement(int start, int end) {
}
