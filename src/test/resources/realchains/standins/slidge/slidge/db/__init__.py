# An empty package over the real one: the real __init__ imports slidge.db.store (the session layer);
# extend_path adds the real package's directory from PYTHONPATH, so every module below is the real one.
from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)
