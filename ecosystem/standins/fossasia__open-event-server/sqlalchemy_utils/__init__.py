"""Stand-in for sqlalchemy_utils' ColorType, the one type open-event-server's revisions name: a varchar of its
length (20 by default) on PostgreSQL."""
from .types import color
