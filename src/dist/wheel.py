"""Writes idemlint's wheel with the standard library only (a wheel is a zip with metadata).

    python3 wheel.py --version V --tag py3-none-PLATFORM --package DIR --readme FILE --license FILE --out DIR

DIR (the ``idemlint`` package: launcher, jvm.options, runtime/, archive) goes into the wheel as
``idemlint/``, with the ``.dist-info`` files of the wheel format (PEP 427, PEP 376 RECORD with sha256,
core metadata 2.1, a console-script entry point). Symbolic links are stored as the files they point
to; executable bits are kept, as pip, pipx and uv restore them. Entries carry a fixed date, so the
same inputs make the same wheel.
"""
import argparse
import base64
import hashlib
import os
import sys
import zipfile

NAME = "idemlint"
DATE = (2020, 1, 1, 0, 0, 0)
SUMMARY = "Finds Alembic migrations that cannot be re-applied on PostgreSQL, statically, and proposes the fix"


def record_hash(data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return "sha256=" + digest


def operating_system(tag):
    """The trove classifier of the platform in a wheel tag (py3-none-PLATFORM)."""
    platform = tag.rsplit("-", 1)[-1]
    if platform.startswith("macosx_"):
        return "Operating System :: MacOS"
    if platform.startswith("win_"):
        return "Operating System :: Microsoft :: Windows"
    return "Operating System :: POSIX :: Linux"


def metadata(version, readme, tag):
    head = [
        "Metadata-Version: 2.1",
        "Name: " + NAME,
        "Version: " + version,
        "Summary: " + SUMMARY,
        "Home-page: https://github.com/idemlint/idemlint",
        "Project-URL: Source, https://github.com/idemlint/idemlint",
        "Project-URL: Changelog, https://github.com/idemlint/idemlint/blob/main/CHANGELOG.md",
        "License: MIT",
        "Keywords: alembic,migrations,postgresql,linter,idempotency",
        "Classifier: Environment :: Console",
        "Classifier: License :: OSI Approved :: MIT License",
        "Classifier: " + operating_system(tag),
        "Classifier: Topic :: Database",
        "Classifier: Topic :: Software Development :: Quality Assurance",
        "Requires-Python: >=3.8",
        "Description-Content-Type: text/markdown",
    ]
    return "\n".join(head) + "\n\n" + readme


def write(version, tag, package, readme, licence, out):
    dist_info = "%s-%s.dist-info" % (NAME, version)
    path = os.path.join(out, "%s-%s-%s.whl" % (NAME, version, tag))
    records = []

    def add(zf, arcname, data, mode=0o644):
        info = zipfile.ZipInfo(arcname, DATE)
        info.external_attr = (0o100000 | mode) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data, compresslevel=9)
        records.append("%s,%s,%d" % (arcname, record_hash(data), len(data)))

    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as zf:
        for base, dirs, files in os.walk(package):
            dirs.sort()
            for name in sorted(files):
                full = os.path.join(base, name)
                if name.endswith(".pyc") or "__pycache__" in full:
                    continue
                rel = os.path.relpath(full, package).replace(os.sep, "/")
                with open(full, "rb") as f:
                    data = f.read()
                mode = 0o755 if os.stat(full).st_mode & 0o111 else 0o644
                add(zf, NAME + "/" + rel, data, mode)
        add(zf, dist_info + "/METADATA", metadata(version, readme, tag).encode("utf-8"))
        add(zf, dist_info + "/LICENSE", licence.encode("utf-8"))
        add(zf, dist_info + "/WHEEL", (
            "Wheel-Version: 1.0\nGenerator: idemlint scripts/dist\nRoot-Is-Purelib: false\nTag: %s\n" % tag
        ).encode("ascii"))
        add(zf, dist_info + "/entry_points.txt", (
            "[console_scripts]\n%s = %s.__main__:main\n" % (NAME, NAME)
        ).encode("ascii"))
        records.append(dist_info + "/RECORD,,")
        info = zipfile.ZipInfo(dist_info + "/RECORD", DATE)
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, "\n".join(records) + "\n")
    os.replace(tmp, path)
    return path


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--version", required=True)
    p.add_argument("--tag", required=True, help="e.g. py3-none-manylinux_2_17_x86_64")
    p.add_argument("--package", required=True, help="the idemlint package directory")
    p.add_argument("--readme", required=True, help="the long description (markdown)")
    p.add_argument("--license", required=True, help="the licence text, stored as .dist-info/LICENSE")
    p.add_argument("--out", required=True, help="the directory the wheel is written to")
    a = p.parse_args()
    with open(a.readme, encoding="utf-8") as f:
        readme = f.read()
    with open(a.license, encoding="utf-8") as f:
        licence = f.read()
    print(write(a.version, a.tag, a.package, readme, licence, a.out))


if __name__ == "__main__":
    sys.exit(main())
