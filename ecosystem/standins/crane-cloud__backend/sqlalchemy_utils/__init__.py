"""Stand-in for sqlalchemy_utils, as far as crane-cloud's revisions use it: types.encrypted.encrypted_type.EncryptedType, UUIDType."""
from . import types  # noqa: F401
from .types.uuid import UUIDType  # noqa: F401
