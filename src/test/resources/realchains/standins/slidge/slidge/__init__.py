# An empty package over the real one: the real __init__ imports the whole gateway (slixmpp's XMPP stack,
# aiohttp, the legacy-module loader); extend_path adds the real package's directory from PYTHONPATH, so
# every module below is the real one. global_config is the real slidge.core.config, as the real __init__
# binds it; sqlalchemy.orm is imported as the real __init__ imports it (through slidge.db), since
# slidge.db.meta reaches it as the attribute sa.orm.
from pkgutil import extend_path

import sqlalchemy.orm  # noqa: F401

__path__ = extend_path(__path__, __name__)

from .core import config as global_config  # noqa: E402,F401
