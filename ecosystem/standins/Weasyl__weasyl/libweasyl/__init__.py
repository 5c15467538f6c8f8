"""Stand-in for libweasyl: the column types, constant and offset its revisions import (`import libweasyl` reaches
libweasyl.models.helpers, which the package imports in the application)."""
from libweasyl import constants, legacy, models  # noqa: F401
from libweasyl.models import helpers  # noqa: F401
