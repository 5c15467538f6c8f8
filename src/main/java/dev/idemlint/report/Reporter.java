package dev.idemlint.report;

import java.io.IOException;

/** Renders a report in one output format. */
public interface Reporter {
    void write(Report report, Appendable out) throws IOException;
}
