# An empty package over the real one (extend_path adds the real package's directory from PYTHONPATH). The
# first revision does `import barbican` and reads barbican.model.models.JsonBlob, which the running service
# has imported by then: so does this package.
from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)

from barbican.model import models  # noqa: E402,F401
