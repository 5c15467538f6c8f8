"""magpie.permissions: the Scope values; PermissionSet parses permission rows, and no revision of the walk leaves one
(it raises when used)."""
import enum


class Scope(enum.Enum):
    MATCH = "match"
    RECURSIVE = "recursive"


class PermissionSet:
    def __init__(self, *args, **kwargs):
        raise RuntimeError("PermissionSet stand-in: a permission row exists")
