#!/usr/bin/env python3
"""Latency of `idemlint server`: the time from a didChange to the publishDiagnostics of that version.

Usage: bench/lsp-latency.py [N] [EDITS] [WARMUP]   (default 500 revisions, 40 timed edits, 30 warm-up edits)

Generates an N-revision project with bench/generate.py (cached in bench/.data/lsp-N, or in
$LSP_BENCH_DATA/lsp-N), starts the
server with ./idemlint (or $IDEMLINT_SERVER_CMD) as an editor does (stdio, JSON-RPC with Content-Length framing),
opens a revision in the middle of the chain and another one, warms the server up with WARMUP edits,
then times EDITS edits, each waited for before the next (an editor user typing, pausing). Each edit
alternates between the original text and one with an unguarded add_column appended to upgrade(),
so every run re-checks the whole versions directory and the findings change. Prints the median,
the 90th percentile and the maximum in milliseconds, the server's CPU time per timed edit (all its
threads: steadier than wall time on a loaded machine), and its resident memory (VmRSS, and its peak
VmHWM) after the timed edits.
"""
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import queue

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def cpu_seconds(pid):
    """The process's user+system CPU so far, all threads (fields 14 and 15 of /proc/PID/stat, in clock ticks)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    warmup = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    data = os.path.join(os.environ.get("LSP_BENCH_DATA", os.path.join(HERE, ".data")), "lsp-%d" % n)
    if not os.path.isdir(os.path.join(data, "versions")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(n), data], check=True,
                       stdout=subprocess.DEVNULL)
    jar = os.path.join(ROOT, "target", "idemlint.jar")
    if not os.path.exists(jar):
        sys.exit("build first: mvn -B -o -q package -DskipTests")
    versions = os.path.join(data, "versions")
    files = sorted(f for f in os.listdir(versions) if f.endswith(".py"))
    target = os.path.join(versions, files[len(files) // 2])
    other = os.path.join(versions, files[len(files) // 3])
    # as an editor starts it: the launcher, with its JVM flags; IDEMLINT_SERVER_CMD overrides
    cmd = os.environ.get("IDEMLINT_SERVER_CMD", os.path.join(ROOT, "idemlint") + " server").split()
    proc = subprocess.Popen(cmd,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    inbox = queue.Queue()

    def reader():
        out = proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            inbox.put(json.loads(out.read(length)))

    threading.Thread(target=reader, daemon=True).start()

    def send(msg):
        msg["jsonrpc"] = "2.0"
        body = json.dumps(msg).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def wait(pred, timeout=120):
        end = time.time() + timeout
        while True:
            m = inbox.get(timeout=max(0.01, end - time.time()))
            if pred(m):
                return m

    def published(uri, version):
        return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"]["uri"] == uri and m["params"].get("version") == version)

    uri = "file://" + target
    send({"id": 1, "method": "initialize", "params": {"processId": os.getpid(), "rootUri": "file://" + data,
                                                       "capabilities": {}}})
    wait(lambda m: m.get("id") == 1)
    send({"method": "initialized", "params": {}})
    text = open(target, encoding="utf-8").read()
    t0 = time.perf_counter()
    send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "python", "version": 1, "text": text}}})
    first = wait(published(uri, 1))
    cold = (time.perf_counter() - t0) * 1000
    send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file://" + other, "languageId": "python", "version": 1, "text": open(other, encoding="utf-8").read()}}})
    edited = text.replace("def upgrade():\n", "def upgrade():\n    op.add_column(\"bench_t\", sa.Column(\"bench_c\", sa.Text()))\n", 1)
    assert edited != text
    counts = {}
    times = []
    version = 1
    cpu0 = None
    for i in range(warmup + edits):
        if i == warmup:
            cpu0 = cpu_seconds(proc.pid)
        version += 1
        new = edited if version % 2 == 0 else text
        t0 = time.perf_counter()
        send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": version},
                                                             "contentChanges": [{"text": new}]}})
        m = wait(published(uri, version))
        ms = (time.perf_counter() - t0) * 1000
        counts.setdefault(new == edited, set()).add(len(m["params"]["diagnostics"]))
        if i >= warmup:
            times.append(ms)
    cpu = cpu_seconds(proc.pid) - cpu0
    memory = {}
    with open("/proc/%d/status" % proc.pid) as status:  # the launcher execs java: this is the JVM
        for line in status:
            if line.startswith(("VmRSS:", "VmHWM:")):
                memory[line.split(":")[0]] = int(line.split()[1]) // 1024
    send({"id": 2, "method": "shutdown"})
    wait(lambda m: m.get("id") == 2)
    send({"method": "exit"})
    proc.wait(timeout=30)
    assert min(counts[True]) > max(counts[False]), counts  # the edit's finding shows, then goes
    times.sort()
    print("revisions: %d, open buffers: 2, diagnostics on open: %d, first run (cold): %.0f ms" % (
        len(files), len(first["params"]["diagnostics"]), cold))
    print("didChange -> publishDiagnostics over %d edits after %d warm-up edits: median %.0f ms, p90 %.0f ms, "
          "max %.0f ms" % (len(times), warmup, statistics.median(times), times[int(len(times) * 0.9) - 1], times[-1]))
    print("server CPU (user+sys, all threads) per timed edit: %.0f ms" % (cpu * 1000 / len(times)))
    print("server memory after the edits: RSS %d MB, peak %d MB" % (memory.get("VmRSS", 0), memory.get("VmHWM", 0)))
    print("load average: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))


if __name__ == "__main__":
    main()
