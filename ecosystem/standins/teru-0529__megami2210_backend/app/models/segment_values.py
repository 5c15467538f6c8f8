"""Stands in for megami2210_backend's `app.models.segment_values`: the `str` enums `TaskStatus` and `AccountTypes`
with their `list()` of values, as the project defines them (their `description()` texts left out)."""
from enum import Enum


class Base(str, Enum):
    @classmethod
    def list(cls):
        return [c.value for c in cls]


class TaskStatus(Base):
    todo = "TODO"
    doing = "DOING"
    done = "DONE"


class AccountTypes(Base):
    administrator = "ADMINISTRATOR"
    general = "GENERAL"
    provisional = "PROVISIONAL"
