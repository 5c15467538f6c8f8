# The role values the revisions write into SQL (fittrackee/users/roles.py)
from enum import Enum


class UserRole(Enum):
    OWNER = 100
    ADMIN = 50
    MODERATOR = 30
    AUTH_USER = 20
    USER = 10

    @classmethod
    def db_values(cls):
        return [str(e.value) for e in cls if e.name != "AUTH_USER"]
