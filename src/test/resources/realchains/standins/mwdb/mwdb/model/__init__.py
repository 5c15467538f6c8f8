"""Stand-in for mwdb.model: the enum one migration gives to sa.Enum (its member names are the labels)."""
from enum import Enum


class OpenIDGroupManagementMode(Enum):
    NONE = "NONE"
    FULL = "FULL"
    MIXED = "MIXED"
