"""Stand-in for sqlalchemy_utils' URLType, the one type EPIC.track's revisions name."""
from . import types
