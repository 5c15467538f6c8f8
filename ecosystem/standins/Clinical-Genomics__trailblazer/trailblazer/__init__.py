"""Stand-in package `trailblazer`: its `store.models` is the stand-in next to this file; every other module
(`trailblazer.constants`, which revision 486e8c875e0b imports) is the project's own, found on the rest of
PYTHONPATH (the project root) by extend_path. The project's own `__init__` (a pkg_resources version lookup of
the installed distribution) is not run."""
__path__ = __import__("pkgutil").extend_path(__path__, __name__)
