"""Stands in for box4security's `source.wizard` package (docker/web/source/wizard/__init__.py, a Flask blueprint);
the revisions import only its `models` module."""
