package dev.idemlint.migration;

import dev.idemlint.source.Span;

/**
 * The header Alembic writes into a revision's docstring: {@code Revision ID:}, {@code Revises:},
 * {@code Create Date:}. Fields are null when absent; spans cover the values.
 */
public record DocHeader(String revisionId, Span revisionIdSpan, String revises, Span revisesSpan,
        String createDate) {
    public static final DocHeader NONE = new DocHeader(null, null, null, null, null);
}
