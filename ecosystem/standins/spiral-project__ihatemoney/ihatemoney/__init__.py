# An empty package over the real one: extend_path adds the real package's directory from PYTHONPATH, so
# ihatemoney.migrations.utils is the real one and only the modules beside this file are stand-ins
from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)
