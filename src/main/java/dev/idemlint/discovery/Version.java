package dev.idemlint.discovery;

import java.util.ArrayList;
import java.util.List;

/** A dotted release number such as 1.13.3; compared numerically part by part. */
public record Version(List<Integer> parts) implements Comparable<Version> {
    public static final Version LATEST = new Version(List.of(Integer.MAX_VALUE));

    public static Version parse(String text) {
        List<Integer> out = new ArrayList<>();
        for (String p : text.trim().split("\\.")) {
            StringBuilder digits = new StringBuilder();
            for (char c : p.toCharArray()) {
                if (!Character.isDigit(c)) {
                    break;
                }
                digits.append(c);
            }
            if (digits.isEmpty()) {
                break;
            }
            out.add(Integer.parseInt(digits.toString()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("not a version: " + text);
        }
        return new Version(List.copyOf(out));
    }

    public boolean atLeast(String other) {
        return compareTo(parse(other)) >= 0;
    }

    public boolean isLatest() {
        return this.equals(LATEST);
    }

    // Written out: a record's generated equals is bootstrapped through method handles on first use,
    // ~3 ms of class spinning on a parse worker at the start of every run (rules compare versions).
    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && parts.equals(v.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public int compareTo(Version o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            int a = i < parts.size() ? parts.get(i) : 0;
            int b = i < o.parts.size() ? o.parts.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        if (isLatest()) {
            return "latest";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(parts.get(i));
        }
        return sb.toString();
    }
}
