"""Stand-in for `app.tickets.enums` of hyzyla/kyiv-data: the two enums the revisions store as non-native Enum columns,
with the project's members."""
from enum import Enum, unique


@unique
class TicketSource(Enum):
    cc1551 = "cc1551"
    api = "api"


@unique
class TicketPriority(Enum):
    discomfort = "discomfort"
    waiting = "waiting"
    losing_money = "losing_money"
    damage = "damage"
    death = "death"
