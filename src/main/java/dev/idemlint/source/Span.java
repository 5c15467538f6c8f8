package dev.idemlint.source;

/** A half-open range {@code [start, end)} of char offsets into a file's text. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean contains(Span other) {
        return start <= other.start && other.end <= end;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    // Written out: a record's generated equals/hashCode go through method handles that C1 does not
    // inline, and fix builders compare spans for every finding.
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Span s && start == s.start && end == s.end;
    }

    @Override
    public int hashCode() {
        return 31 * start + end;
    }
}
