from . import types
