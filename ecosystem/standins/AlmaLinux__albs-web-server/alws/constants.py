"""alws.constants reduced to the two enums the revisions import (values as at 6cc257b355): ErrataReleaseStatus
(4d3110a6e11d's sa.Enum) and GenKeyStatus (cd510df3fa79's column default)."""
import enum


class ErrataReleaseStatus(enum.Enum):
    NOT_RELEASED = "not released"
    IN_PROGRESS = "in progress"
    RELEASED = "released"
    FAILED = "failed"


class GenKeyStatus(enum.IntEnum):
    IDLE = 1
    IN_PROGRESS = 2
    COMPLETED = 3
    FAILED = 4
