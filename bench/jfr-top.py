#!/usr/bin/env python3
"""Aggregates JFR execution (or native method) samples: top self frames, top frames by package, and inclusive time.

    jfr print --events jdk.ExecutionSample rec.jfr > samples.txt
    bench/jfr-top.py samples.txt [--top 25] [--match dev.idemlint]

Self = the top frame of a sample; inclusive = any frame of the sample (counted once per sample).
"""
import argparse
import collections
import re

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(")


def samples(path):
    cur = None
    for line in open(path, encoding="utf-8", errors="replace"):
        if line.startswith(("jdk.ExecutionSample", "jdk.NativeMethodSample")):
            cur = []
        elif cur is not None and line.strip().startswith("]"):
            # the end of the stackTrace array; truncated stacks end with "..."
            yield cur
            cur = None
        elif cur is not None:
            m = FRAME.match(line)
            if m:
                cur.append(m.group(1))


def pkg(frame):
    parts = frame.split(".")
    cls = parts[:-1]
    if len(cls) >= 4 and cls[0] == "dev":
        return ".".join(cls[:3])
    if cls and cls[0] in ("org", "com", "net", "info"):
        return ".".join(cls[:3])
    return ".".join(cls[:2])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--match", default="dev.idemlint")
    a = ap.parse_args()
    self_c, incl, by_pkg, stage = (collections.Counter() for _ in range(4))
    n = 0
    for st in samples(a.file):
        if not st:
            continue
        n += 1
        self_c[st[0]] += 1
        by_pkg[pkg(st[0])] += 1
        for f in set(st):
            incl[f] += 1
        # the first (innermost) project frame says which stage the sample belongs to
        ours = next((f for f in st if f.startswith(a.match)), None)
        stage[pkg(ours) if ours else "(no project frame)"] += 1
    print(f"{n} samples")

    def show(title, c):
        print(f"\n## {title}")
        for k, v in c.most_common(a.top):
            print(f"{100.0 * v / n:6.1f}%  {v:6d}  {k}")
    show("self time by frame", self_c)
    show("self time by package", by_pkg)
    show(f"by innermost {a.match} package (stage)", stage)
    show(f"inclusive time ({a.match} frames)", collections.Counter(
        {k: v for k, v in incl.items() if k.startswith(a.match)}))


if __name__ == "__main__":
    main()
