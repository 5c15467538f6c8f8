"""Stands in for box4security's `source` package (docker/web/source/__init__.py), which builds the Flask app; the
revisions import only its `models` and `wizard.models` modules."""
