package dev.idemlint.source;

import java.util.regex.Pattern;

/**
 * What a CI runner would act on in a tool's output, checked without trusting {@link Printable}: a line
 * that starts a GitHub Actions workflow command ({@code ::} after leading white space, which the runner
 * trims as .NET's {@code TrimStart} does), a legacy {@code ##[command]}, Azure Pipelines'
 * {@code ##vso[command]} or TeamCity's {@code ##teamcity[...]} anywhere in a line, and any raw control,
 * bidi or line-separator character or lone surrogate (a CR ends a line for the runner too).
 */
public final class WorkflowCommands {
    /** The one line shape the github format writes itself: the command is the tool's, every value escaped. */
    private static final Pattern GITHUB_LINE = Pattern.compile(
            "::(error|warning|notice) file=[^:,]*,line=\\d+,col=\\d+,endLine=\\d+,endColumn=\\d+,title=[^:,]*::.*");
    private static final Pattern MID_LINE = Pattern.compile("##[A-Za-z0-9_-]*\\[");

    private WorkflowCommands() {
    }

    /** Why {@code out} is not inert, or null; {@code github}: lines in the github format's own shape are allowed. */
    public static String problem(String out, boolean github) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1))) {
                i++;
            } else if (c != '\n' && (Printable.unsafe(c) || Character.isSurrogate(c))) {
                return "raw U+" + String.format("%04x", (int) c) + " at " + i;
            }
        }
        int n = 0;
        for (String line : out.split("\n", -1)) {
            n++;
            int k = 0;
            while (k < line.length() && dotnetWhiteSpace(line.charAt(k))) {
                k++;
            }
            if (line.startsWith("::", k) && !(github && k == 0 && GITHUB_LINE.matcher(line).matches())) {
                return "line " + n + " starts a workflow command: " + line;
            }
            if (MID_LINE.matcher(line).find()) {
                return "line " + n + " holds a ##[...] command: " + line;
            }
        }
        return null;
    }

    /** Fails with the output when {@link #problem} finds something. */
    public static void assertInert(String what, String out, boolean github) {
        String p = problem(out, github);
        if (p != null) {
            throw new AssertionError(what + ": " + p + "\n--- output ---\n" + out);
        }
    }

    /** .NET's {@code Char.IsWhiteSpace}: what the runner's {@code TrimStart} removes. */
    static boolean dotnetWhiteSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || Character.isSpaceChar(c);
    }
}
