"""Stands in for Hyperion's `app.modules.raffle.types_raffle`: `RaffleStatusType`, as the project defines it."""
from enum import StrEnum


class RaffleStatusType(StrEnum):
    """A raffle's status."""

    creation = "creation"
    open = "open"
    lock = "lock"
