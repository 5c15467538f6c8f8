"""Stand-in for `packaging.version`: the copy setuptools vendors (Debian's python3-pkg-resources) under its own name.

`terrareg/loose_version.py` subclasses `Version`; the version rules are packaging's own, unchanged.
"""
from pkg_resources._vendor.packaging.version import InvalidVersion, Version  # noqa: F401
