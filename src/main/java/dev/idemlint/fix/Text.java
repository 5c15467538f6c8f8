package dev.idemlint.fix;

/** String building for the text of findings and fixes, made for every finding of a run. */
public final class Text {
    private Text() {
    }

    /**
     * {@code parts} joined, as {@code +} would join them ({@code "null"} for null), sized once. The
     * build compiles {@code +} to StringBuilder calls (pom.xml: no per-shape classes at start-up), and a
     * default-sized StringBuilder grows by copying four or five times for a 300-char message: that was
     * a tenth of a run's allocation, for messages and fix texts built for every finding.
     */
    public static String concat(String... parts) {
        return String.join("", parts);
    }
}
