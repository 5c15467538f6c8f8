"""Stand-in for the `packaging` distribution (terrareg's requirement), which the walk's Python lacks.

Only `packaging.version` is imported, by `terrareg/loose_version.py`, which revision ef71db86c2a1 imports.
"""
