"""Stand-in for the sqlalchemy_utils types sbc-pay's revisions name: JSONType, StringEncryptedType."""
from . import types
