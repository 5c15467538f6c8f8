"""Stand-in for the sqlalchemy_utils types sbc-auth's revisions name: JSONType."""
from . import types
