"""Stand-in for flask.json: `JSONEncoder`, the base class limonero/__init__.py subclasses at import (Flask 2.2 and
older export it; the walk's Python has no Flask)."""
from json import JSONEncoder  # noqa: F401
