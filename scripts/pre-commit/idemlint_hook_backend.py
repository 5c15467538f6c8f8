"""PEP 517 build backend for pre-commit's `language: python` hooks of this repository.

pre-commit installs a hook repository with `pip install .`. idemlint is a Java program shipped as a
platform wheel with its own runtime, so the wheel built here holds no code: its only requirement is
the released idemlint wheel of the version in pom.xml. Users then write `repo:` and `rev:` only,
and a `rev:` bump is an upgrade. The requirement carries the wheel's SHA-256 as listed in the
SHA256SUMS of the same release (`idemlint @ URL#sha256=...`), so pip installs the download only if
it has that hash; a release without SHA256SUMS, or a SHA256SUMS that does not list the wheel, stops
the build with a message. IDEMLINT_WHEEL (a path or a URL, which may end in `#sha256=HEX`) names
another idemlint wheel instead (a wheel built with scripts/dist, a mirror, an air-gapped machine).
Standard library only: the build environment has nothing installed.
"""
import base64
import hashlib
import os
import pathlib
import platform
import re
import urllib.error
import urllib.request
import zipfile

_ROOT = pathlib.Path(__file__).resolve().parents[2]
_NAME = "idemlint_pre_commit"
_RELEASES = "https://github.com/idemlint/idemlint/releases/download"


def _version():
    pom = (_ROOT / "pom.xml").read_text(encoding="utf-8")
    # the project's own <version>: the first one, before <properties> and <dependencies>
    match = re.search(r"<version>\s*([0-9][0-9A-Za-z.+-]*)\s*</version>", pom)
    if match is None:
        raise RuntimeError("pom.xml names no version")
    return match.group(1)


# The wheels of a release, one per platform (.github/workflows/release.yml builds each on a runner of
# that platform): (platform.system(), platform.machine()) -> the wheel's platform tag.
WHEELS = {
    ("Linux", "x86_64"): "manylinux_2_17_x86_64",
    ("Linux", "aarch64"): "manylinux_2_17_aarch64",
    ("Darwin", "arm64"): "macosx_11_0_arm64",
    ("Darwin", "x86_64"): "macosx_11_0_x86_64",
    ("Windows", "AMD64"): "win_amd64",
}


def _wheel_name(version, system, machine):
    """The released wheel for this machine, or a RuntimeError saying what to do instead."""
    tag = WHEELS.get((system, machine))
    if tag is None:
        raise RuntimeError(
            "idemlint: no released wheel is built for %s %s (only %s); use the idemlint-system hook with an"
            " idemlint on PATH, or set IDEMLINT_WHEEL to a wheel built for it with scripts/dist"
            % (system, machine, ", ".join("%s %s" % k for k in WHEELS))
        )
    return "idemlint-%s-py3-none-%s.whl" % (version, tag)


def _requirement(version):
    wheel = os.environ.get("IDEMLINT_WHEEL", "").strip()
    if wheel:
        url = wheel if re.match(r"^[a-z][a-z0-9+.-]*://", wheel) else pathlib.Path(wheel).resolve().as_uri()
        return "idemlint @ " + url
    base = "%s/v%s" % (_RELEASES, version)
    name = _wheel_name(version, platform.system(), platform.machine())
    return "idemlint @ %s/%s#sha256=%s" % (base, name, _released_sha256(base, name))


def _released_sha256(base, name):
    """The SHA-256 that the release's SHA256SUMS (`sha256sum` output) gives for the file `name`."""
    url = base + "/SHA256SUMS"
    advice = (
        "; the wheel is not installed unchecked. Before a release exists, build a wheel with"
        " scripts/dist and set IDEMLINT_WHEEL to it (docs/install.md)"
    )
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            sums = response.read(1 << 20).decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise RuntimeError("idemlint: cannot download %s (%s)%s" % (url, e, advice)) from None
    found = set()
    for line in sums.splitlines():
        match = re.fullmatch(r"([0-9a-fA-F]{64}) [ *](.+)", line.strip())
        if match and match.group(2) == name:
            found.add(match.group(1).lower())
    if len(found) != 1:
        raise RuntimeError(
            "idemlint: %s %s %s%s" % (url, "lists no SHA-256 for" if not found else "lists two SHA-256 for", name, advice)
        )
    return found.pop()


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, digest, len(data))


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    dist_info = "%s-%s.dist-info" % (_NAME, version)
    files = {
        dist_info + "/METADATA": (
            "Metadata-Version: 2.1\n"
            "Name: idemlint-pre-commit\n"
            "Version: %s\n"
            "Summary: Installs idemlint for the pre-commit hooks of its repository.\n"
            "License: MIT\n"
            "Requires-Dist: %s\n" % (version, _requirement(version))
        ).encode(),
        dist_info + "/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: idemlint_hook_backend\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ).encode(),
    }
    record = dist_info + "/RECORD"
    lines = [_record_line(path, data) for path, data in files.items()] + [record + ",,"]
    files[record] = ("\n".join(lines) + "\n").encode()
    name = "%s-%s-py3-none-any.whl" % (_NAME, version)
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files.items():
            z.writestr(path, data)
    return name
