"""Stand-in for auth_api.utils.roles.Role: the members sbc-auth's revisions read (by name)."""
from enum import Enum


class Role(Enum):
    PUBLIC_USER = "public_user"
    STAFF = "staff"
