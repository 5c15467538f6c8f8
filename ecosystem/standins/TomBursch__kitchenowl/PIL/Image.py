"""Pillow's Image.open: no uploaded image exists for the harness, so opening one fails as a missing file would."""


def open(path, *args, **kwargs):
    raise FileNotFoundError(path)
