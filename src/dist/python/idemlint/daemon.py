"""Client of ``idemlint daemon``: hands a ``lint`` run to the daemon serving this directory.

The launchers (the wheel's ``idemlint``, the repository's ``./idemlint``) call :func:`serve` before
they start a JVM. When ``idemlint daemon start`` left a daemon for this working directory and this
install, the run's arguments, standard input, terminal and the environment variables a lint reads go
to it over its Unix socket; its standard output, error and exit status come back. Otherwise (no
daemon, another build, ``IDEMLINT_DAEMON=0``, any other command than ``lint``) :func:`serve` returns
None and the launcher runs idemlint itself; with ``IDEMLINT_DAEMON=auto`` it first starts a daemon for
this directory in the background (:func:`start_when_asked`), which serves the runs after this one. Only the standard library; nothing is imported before a
daemon's run directory is known to exist, so a run without a daemon pays a ``stat``.

Run as a script (``python3 daemon.py INSTALL N -- COMMAND...``), it serves the run whose arguments
are the last N of COMMAND, or replaces itself with COMMAND (exec), which runs idemlint in a JVM.

The wire format and the socket's location are the Java side's (``dev.idemlint.cli.Daemon``).
"""
import os
import sys

PROTOCOL = "idemlint-daemon 1"
CLIENT_ENV = ("NO_COLOR", "IDEMLINT_CACHE_DIR")


def run_dir(env, uid):
    """The directory of the daemons' sockets: $IDEMLINT_DAEMON_DIR, $XDG_RUNTIME_DIR/idemlint or $TMPDIR/idemlint-UID."""
    named = env.get("IDEMLINT_DAEMON_DIR")
    if named:
        return named
    xdg = env.get("XDG_RUNTIME_DIR", "")
    if xdg.startswith("/"):
        return os.path.join(xdg, "idemlint")
    tmp = env.get("TMPDIR", "")
    return os.path.join(tmp if tmp.startswith("/") else "/tmp", "idemlint-%d" % uid)


def socket_path(directory, install, cwd):
    """The socket of the daemon for ``cwd`` and ``install``."""
    import hashlib

    digest = hashlib.sha256((install + "\n" + cwd).encode("utf-8", "surrogateescape")).hexdigest()
    return os.path.join(directory, digest[:24] + ".sock")


def _private(directory):
    """Whether ``directory`` is a directory (not a link) of this user that no one else may enter."""
    import stat

    try:
        st = os.lstat(directory)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid() and st.st_mode & 0o077 == 0


def _frame(kind, body):
    import struct

    return kind.encode("ascii") + struct.pack(">I", len(body)) + body


def _read_exact(sock, n):
    chunks = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def _read_frame(sock):
    import struct

    head = _read_exact(sock, 5)
    if head is None:
        return None, None
    (length,) = struct.unpack(">I", head[1:])
    body = _read_exact(sock, length)
    if body is None:
        return None, None
    return chr(head[0]), body


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def serve(install, args, environ=None):
    """Runs ``idemlint ARGS`` in this directory's daemon: its exit status, or None when none serves it."""
    env = os.environ if environ is None else environ
    if not args or args[0] != "lint" or env.get("IDEMLINT_DAEMON") == "0":
        return None
    directory = run_dir(env, os.geteuid())
    if not _private(directory):
        return None
    import socket

    try:
        cwd = os.path.realpath(os.getcwd())
    except OSError:
        return None
    path = socket_path(directory, os.path.realpath(install), cwd)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            sock.connect(path)
            sock.sendall(_frame("H", ("%s\n%s\n%s" % (PROTOCOL, os.path.realpath(install), cwd))
                                .encode("utf-8", "surrogateescape")))
            kind, _ = _read_frame(sock)
        except OSError:
            return None
        if kind != "K":
            return None  # another build, or one that changed on disk: the launcher runs idemlint itself
        stdin_read = "-" in args[1:]
        request = [_frame("A", a.encode("utf-8", "surrogateescape")) for a in args]
        request += [_frame("V", ("%s=%s" % (k, env[k])).encode("utf-8", "surrogateescape"))
                    for k in CLIENT_ENV if k in env]
        request.append(_frame("T", b"\x01" if os.isatty(1) else b"\x00"))
        if stdin_read:
            data = sys.stdin.buffer.read()
            for i in range(0, len(data), 1 << 20):
                request.append(_frame("I", data[i:i + (1 << 20)]))
        request.append(_frame("R", b""))
        wrote = False
        try:
            sock.sendall(b"".join(request))
            while True:
                kind, body = _read_frame(sock)
                if kind is None:
                    break
                if kind == "X":
                    return int.from_bytes(body, "big", signed=True)
                if kind in ("O", "E"):
                    wrote = True
                    try:
                        _write_all(1 if kind == "O" else 2, body)
                    except BrokenPipeError:
                        pass  # a reader that stopped early (| head): the run's status still counts
        except OSError:
            pass
        if not wrote and not stdin_read:
            return None  # the daemon went away before the run said anything: the launcher runs it
        sys.stderr.write("idemlint: the daemon stopped during the run; run again, or set IDEMLINT_DAEMON=0\n")
        return 2
    finally:
        sock.close()


def start_when_asked(args, daemon_command, environ=None):
    """With ``IDEMLINT_DAEMON=auto``, a ``lint`` run no daemon served starts one for this directory in the
    background (``DAEMON_COMMAND``: the command line of ``idemlint daemon start``), not waiting for it: the
    next run is served. Nothing is started when the run directory is not this user's alone."""
    env = os.environ if environ is None else environ
    if env.get("IDEMLINT_DAEMON") != "auto" or not args or args[0] != "lint":
        return
    directory = run_dir(env, os.geteuid())
    if os.path.lexists(directory) and not _private(directory):
        return
    import subprocess

    try:
        subprocess.Popen(daemon_command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
    except OSError:
        pass  # the run goes on without one


def main(argv):
    """``daemon.py INSTALL N -- COMMAND...``: the run's arguments are the last N of COMMAND."""
    install, count, command = argv[1], int(argv[2]), argv[4:]
    args = command[len(command) - count:]
    status = serve(install, args)
    if status is not None:
        sys.stdout.flush()
        os._exit(status)
    start_when_asked(args, command[:len(command) - count] + ["daemon", "start"])
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv)
