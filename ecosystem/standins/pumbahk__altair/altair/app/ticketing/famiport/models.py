"""Stand-in for altair.app.ticketing.famiport.models (pumbahk/altair
ticketing/src/altair/app/ticketing/famiport/models.py): the enums and names the famiport revisions import, the enum
values copied. The mapped classes FamiPortGenre1, FamiPortGenre2 and FamiPortPlayguide (bulk-inserted into by the
root 12c06bb38ded) are not given: that revision calls Python 2's unicode() before it imports them, so a Python 3
walk stops earlier."""
from enum import Enum

from altair.models import MutableSpaceDelimitedList, SpaceDelimitedList  # noqa: F401 (re-exported, as the original)


class FamiPortSalesChannel(Enum):
    FamiPortOnly = 1
    WebOnly = 2
    FamiPortAndWeb = 3


class FamiPortPerformanceType(Enum):
    Normal = 1
    Spanned = 2


class FamiPortRefundType(Enum):
    Type1 = 1
    Type2 = 2


class FamiPortOrderType(Enum):
    CashOnDelivery = 1
    Payment = 2
    Ticketing = 3
    PaymentOnly = 4


class FamiPortTicketType(Enum):
    Ticket = 2
    TicketWithBarcode = 1
    ExtraTicket = 4
    ExtraTicketWithBarcode = 3

