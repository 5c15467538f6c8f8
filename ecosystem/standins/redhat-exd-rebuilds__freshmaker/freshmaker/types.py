"""freshmaker.types.EventState's values (the Prometheus counters the real enum carries are left out)."""
from enum import Enum


class EventState(Enum):
    INITIALIZED = 0
    BUILDING = 1
    COMPLETE = 2
    FAILED = 3
    SKIPPED = 4
    CANCELED = 5
