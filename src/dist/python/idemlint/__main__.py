"""The ``idemlint`` command: runs idemlint on the Java runtime bundled in this package.

A ``java`` on PATH, JAVA_HOME and IDEMLINT_JAVA are never used: the runtime next to this file has
idemlint linked into it, and its class-data archive was recorded by that same runtime. The process
is replaced by the JVM (exec), so exit codes and signals are the JVM's own. On Windows, where
``os.execv`` starts a new process and ends this one at once (the shell would see this one's status,
before the run ends), the JVM runs as a child and its exit status is returned; the daemon
(``daemon.py``, Unix sockets) is a POSIX feature and is not asked there.
"""
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))


_WINDOWS = os.name == "nt"


def _physical_kb():
    """Physical memory in kB where /proc/meminfo is missing (macOS, Windows); 0 when unknown."""
    if _WINDOWS:
        import ctypes

        class MemoryStatusEx(ctypes.Structure):
            _fields_ = [("dwLength", ctypes.c_ulong), ("dwMemoryLoad", ctypes.c_ulong),
                        ("ullTotalPhys", ctypes.c_ulonglong), ("ullAvailPhys", ctypes.c_ulonglong),
                        ("ullTotalPageFile", ctypes.c_ulonglong), ("ullAvailPageFile", ctypes.c_ulonglong),
                        ("ullTotalVirtual", ctypes.c_ulonglong), ("ullAvailVirtual", ctypes.c_ulonglong),
                        ("ullAvailExtendedVirtual", ctypes.c_ulonglong)]

        status = MemoryStatusEx()
        status.dwLength = ctypes.sizeof(MemoryStatusEx)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
            return status.ullTotalPhys // 1024
        return 0
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 1024
    except (AttributeError, OSError, ValueError):
        return 0


def _memory_kb():
    """Physical memory in kB, or the cgroup (v2) limit when that is lower; 0 when unknown."""
    mem_kb = 0
    try:
        with open("/proc/meminfo", "rb") as f:
            for line in f:
                if line.startswith(b"MemTotal:"):
                    mem_kb = int(line.split()[1])
                    break
    except OSError:
        mem_kb = _physical_kb()
    try:
        with open("/sys/fs/cgroup/memory.max", "rb") as f:
            limit = f.read().strip()
        if limit.isdigit() and int(limit) // 1024 < mem_kb:
            mem_kb = int(limit) // 1024
    except OSError:
        pass
    return mem_kb


def _jvm_flags():
    """The flags jvm.options gives for this machine's memory (the same choice as ./idemlint)."""
    sets = {}
    with open(os.path.join(_HERE, "jvm.options"), encoding="utf-8") as f:
        for line in f:
            key, sep, value = line.strip().partition("=")
            if sep and not key.startswith("#"):
                sets[key] = value.split()
    return sets["large"] if _memory_kb() >= 2 * 1024 * 1024 else sets["small"]


def command(args):
    """The JVM command line that runs idemlint with ``args``."""
    java = os.path.join(_HERE, "runtime", "bin", "java.exe" if _WINDOWS else "java")
    cmd = [java] + _jvm_flags()
    aot = os.path.join(_HERE, "idemlint.aot")
    jsa = os.path.join(_HERE, "idemlint.jsa")
    # -Xlog:cds=off: an archive the JVM cannot map (other flags given through JAVA_TOOL_OPTIONS, say)
    # is skipped silently; the run is then only slower to start. -AOTReplayTraining: the runtime does not
    # compile again, in every run, what the archive's training run compiled (./idemlint says why).
    if os.path.isfile(aot):
        cmd += ["-XX:AOTCache=" + aot, "-Xlog:cds=off", "-Xlog:aot=off", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:-AOTReplayTraining"]
    elif os.path.isfile(jsa):
        cmd += ["-XX:SharedArchiveFile=" + jsa, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
    return cmd + ["-m", "idemlint"] + list(args)


def main():
    if _WINDOWS:
        import subprocess

        cmd = command(sys.argv[1:])
        try:
            return subprocess.call(cmd)
        except OSError as e:
            sys.stderr.write("idemlint: cannot run the bundled Java runtime %s: %s\n" % (cmd[0], e))
            return 2
        except KeyboardInterrupt:
            return 130
    # a daemon this directory's `idemlint daemon start` left serves `lint` runs (see daemon.py)
    from . import daemon

    status = daemon.serve(os.path.join(_HERE, "runtime"), sys.argv[1:])
    if status is not None:
        return status
    daemon.start_when_asked(sys.argv[1:], command(["daemon", "start"]))
    cmd = command(sys.argv[1:])
    try:
        os.execv(cmd[0], cmd)
    except OSError as e:
        sys.stderr.write("idemlint: cannot run the bundled Java runtime %s: %s\n" % (cmd[0], e))
        return 2


if __name__ == "__main__":
    sys.exit(main())
