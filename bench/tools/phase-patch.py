#!/usr/bin/env python3
"""Adds phase timestamps to a checkout of idemlint (never commit the result).

    bench/tools/phase-patch.py CHECKOUT_DIR

Prints `PHASE <name> <epoch ms>` to stderr at: main, call (the lint command starts), prediscover,
discovered, parallel-done (parse + model + per-file rules, their findings filtered and sorted per file),
project-done (graph and project rules), filtered (the project findings' suppressions and severities),
linted (sorted, before the report), report-written.
Each insertion point is found by exact text; when the code has moved, the script stops and names the
line it could not find: update the anchor here.
"""
import sys

root = sys.argv[1].rstrip('/') + '/src/main/java/dev/idemlint/'
# the epoch time, then the process's CPU time so far (utime + stime from /proc/self/stat, in ticks of 10 ms)
T = ('{ String st; try { st = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat")); }'
     ' catch (java.io.IOException e) { st = ""; }'
     ' String[] f = st.substring(st.lastIndexOf(\')\') + 2).split(" ");'
     ' System.err.println("PHASE %s " + System.currentTimeMillis() + " "'
     ' + (f.length > 12 ? 10 * (Long.parseLong(f[11]) + Long.parseLong(f[12])) : -1)); }')


def patch(path, pairs):
    s = open(root + path).read()
    for anchor, replacement in pairs:
        if anchor not in s:
            sys.exit(f"phase-patch: anchor not found in {path}: {anchor.strip()}")
        s = s.replace(anchor, replacement, 1)
    open(root + path, 'w').write(s)


patch('cli/LintCommand.java', [
    ('        SettingsOverrides overrides = null;', T % 'call' + '\n        SettingsOverrides overrides = null;'),
    # the registry and catalog load on the pool while this thread walks the directories (session 7;
    # sessions 5-6 the other way round): 'prediscover' to 'discovered' is the walk, the pins, and the
    # wait for the rules
    ('        Discovery.Result found = overrides == null ? null : new Discovery(overrides).discover(inputs);',
     T % 'prediscover' + '\n        Discovery.Result found = overrides == null ? null : new Discovery(overrides).discover(inputs);'),
    ('        Linter linter = loading.join();', '        Linter linter = loading.join();\n        ' + T % 'discovered'),
    ('        Report report = new Report(List.copyOf(all), files, catalog, Main.VERSION);',
     T % 'linted' + '\n        Report report = new Report(List.copyOf(all), files, catalog, Main.VERSION);'),
    ('            Utf8Output w = new Utf8Output(System.out);\n            reporter.write(report, w);',
     '            Utf8Output w = new Utf8Output(System.out);\n            reporter.write(report, w);\n' + T % 'report-written'),
])
patch('rule/Linter.java', [
    ('        List<Migration> revisions = new ArrayList<>(loaded.size());',
     T % 'parallel-done' + '\n        List<Migration> revisions = new ArrayList<>(loaded.size());'),
    ('        Function<SourceFile, Suppressions> marksOf = new Function<>() {',
     T % 'project-done' + '\n        Function<SourceFile, Suppressions> marksOf = new Function<>() {'),
    ('        shown.sort(ORDER);', T % 'filtered' + '\n        shown.sort(ORDER);'),
])
patch('cli/Main.java', [
    ('    public static void main(String[] args) {', '    public static void main(String[] args) {\n        ' + T % 'main'),
])
