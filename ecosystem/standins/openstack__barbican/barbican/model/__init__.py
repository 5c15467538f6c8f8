# An empty package over the real one; only models is a stand-in (the real one imports oslo.db and the
# service's configuration).
from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)
