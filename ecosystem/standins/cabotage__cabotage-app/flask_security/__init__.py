"""flask_security (Flask-Security-Too) reduced to datastore.AsaList, the column type 88f230545618 and d0045a6e3c29
use."""
from . import datastore  # noqa: F401
