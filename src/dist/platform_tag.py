"""The wheel's platform tag for a jlinked runtime (scripts/dist), with the standard library only:

    python3 platform_tag.py OS ARCH RUNTIME [TAG]

OS is linux, macos or windows, ARCH what ``uname -m`` prints. Prints the tag: on Linux
manylinux_2_<N>_<arch>, 2.N the newest glibc symbol version the runtime's ELF binaries need; on macOS
macosx_<X>_<Y>_<arch>, X.Y the newest minimum macOS version its Mach-O binaries declare
(LC_BUILD_VERSION's minos, or LC_VERSION_MIN_MACOSX's version; from macOS 11 on a tag names the
major version only, Y 0); on Windows win_amd64 or win_arm64. A TAG given is printed when it is a tag
of this OS and ARCH that claims no older system than the binaries need; otherwise the reason goes to
stderr and the exit status is 2.
"""
import os
import re
import struct
import sys

LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32


def _binaries(runtime, magic):
    for base, _, files in os.walk(runtime):
        for name in sorted(files):
            path = os.path.join(base, name)
            if os.path.islink(path):
                continue
            with open(path, "rb") as f:
                data = f.read()
            if data[:4] == magic:
                yield path, data


def glibc_need(runtime):
    """The newest N of the GLIBC_2.N symbol versions the ELF files under ``runtime`` name; 0 if none."""
    need = 0
    for _, data in _binaries(runtime, b"\x7fELF"):
        need = max([need] + [int(m) for m in re.findall(rb"GLIBC_2\.([0-9]+)", data)])
    return need


def macos_need(runtime):
    """The newest (X, Y) minimum macOS version the 64-bit Mach-O files under ``runtime`` declare; (0, 0) if none.

    Versions are encoded as X (16 bits), Y (8 bits), Z (8 bits). A load command that runs past the file
    ends the walk of that file."""
    need = (0, 0)
    for _, data in _binaries(runtime, b"\xcf\xfa\xed\xfe"):
        if len(data) < 32:
            continue
        ncmds = struct.unpack_from("<I", data, 16)[0]
        at = 32
        for _ in range(ncmds):
            if at + 8 > len(data):
                break
            cmd, size = struct.unpack_from("<II", data, at)
            field = {LC_BUILD_VERSION: 12, LC_VERSION_MIN_MACOSX: 8}.get(cmd)
            if field is not None and at + field + 4 <= len(data):
                v = struct.unpack_from("<I", data, at + field)[0]
                need = max(need, (v >> 16, (v >> 8) & 0xFF))
            if size < 8:
                break
            at += size
    return need


def tag(os_name, arch, runtime, given=None):
    """The platform tag, or a ValueError saying why ``given`` (or none) fits this runtime."""
    if os_name == "linux":
        need = glibc_need(runtime)
        default = "manylinux_2_%d_%s" % (need, arch)
        m = re.fullmatch(r"manylinux_2_([0-9]+)_" + re.escape(arch), given or default)
        if m is None:
            raise ValueError("%s is not a manylinux_2_<N>_%s tag; this runtime is built for Linux %s" % (given, arch, arch))
        if int(m.group(1)) < need:
            raise ValueError("the runtime needs glibc 2.%d; %s would install it where it cannot run (use a JDK"
                             " built for older glibc, e.g. Temurin, or --platform %s)" % (need, given, default))
        return given or default
    if os_name == "macos":
        major, minor = macos_need(runtime)
        if major == 0:
            raise ValueError("no Mach-O binary of the runtime names its minimum macOS")
        if major >= 11:
            minor = 0
        default = "macosx_%d_%d_%s" % (major, minor, arch)
        m = re.fullmatch(r"macosx_([0-9]+)_([0-9]+)_" + re.escape(arch), given or default)
        if m is None:
            raise ValueError("%s is not a macosx_<X>_<Y>_%s tag; this runtime is built for macOS %s" % (given, arch, arch))
        if (int(m.group(1)), int(m.group(2))) < (major, minor):
            raise ValueError("the runtime needs macOS %d.%d; %s would install it where it cannot run"
                             " (use --platform %s)" % (major, minor, given, default))
        return given or default
    if os_name == "windows":
        default = {"x86_64": "win_amd64", "amd64": "win_amd64", "aarch64": "win_arm64", "arm64": "win_arm64"}.get(arch.lower())
        if default is None:
            raise ValueError("no wheel tag for Windows on %s" % arch)
        if given and given != default:
            raise ValueError("%s is not %s, the tag of this Windows runtime" % (given, default))
        return default
    raise ValueError("no wheel tag for %s" % os_name)


def main(argv):
    if len(argv) not in (4, 5):
        sys.stderr.write(__doc__)
        return 2
    try:
        print(tag(argv[1], argv[2], argv[3], argv[4] if len(argv) == 5 and argv[4] else None))
    except ValueError as e:
        sys.stderr.write("scripts/dist: %s\n" % e)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
