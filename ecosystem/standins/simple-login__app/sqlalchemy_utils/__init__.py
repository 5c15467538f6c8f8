"""Stand-in for sqlalchemy_utils' ArrowType, the one type simple-login's revisions name: a timestamp column on
PostgreSQL (with or without time zone, as the arguments say)."""
from .types import arrow
