"""PEP 517 build backend for pre-commit's `language: python` hooks of this repository.

pre-commit installs a hook repository with `pip install .`. idemlint is a Java program shipped as a
platform wheel with its own runtime, so the wheel built here holds no code: its only requirement is
the released idemlint wheel of the version in pom.xml. Users then write `repo:` and `rev:` only,
and a `rev:` bump is an upgrade. IDEMLINT_WHEEL (a path or a URL) names another idemlint wheel
instead (a mirror, an air-gapped machine, the test of an unreleased build). Standard library only:
the build environment has nothing installed.
"""
import base64
import hashlib
import os
import pathlib
import re
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


def _requirement(version):
    wheel = os.environ.get("IDEMLINT_WHEEL", "").strip()
    if wheel:
        url = wheel if re.match(r"^[a-z][a-z0-9+.-]*://", wheel) else pathlib.Path(wheel).resolve().as_uri()
        return "idemlint @ " + url
    # the released runtime is built for x86-64 Linux
    url = "%s/v%s/idemlint-%s-py3-none-manylinux_2_17_x86_64.whl" % (_RELEASES, version, version)
    return 'idemlint @ %s ; platform_system == "Linux" and platform_machine == "x86_64"' % url


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
