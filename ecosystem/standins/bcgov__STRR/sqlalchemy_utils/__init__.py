"""Stand-in for sqlalchemy_utils, as far as STRR's revisions use it: types.ts_vector.TSVectorType."""
from . import types
from .types.ts_vector import TSVectorType
