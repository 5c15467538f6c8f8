"""Stand-in for the auth_api.utils.enums members sbc-auth's revisions read, with auth_api's values."""
from enum import Enum


class OrgStatus(Enum):
    ACTIVE = "ACTIVE"
    REJECTED = "REJECTED"
    PENDING_STAFF_REVIEW = "PENDING_STAFF_REVIEW"


class TaskRelationshipStatus(Enum):
    ACTIVE = "ACTIVE"
    REJECTED = "REJECTED"
    PENDING_STAFF_REVIEW = "PENDING_STAFF_REVIEW"


class TaskRelationshipType(Enum):
    ORG = "ORG"


class TaskStatus(Enum):
    OPEN = "OPEN"
    COMPLETED = "COMPLETED"


class TaskTypePrefix(Enum):
    NEW_ACCOUNT_STAFF_REVIEW = "New Account"


class OrgType(Enum):
    PREMIUM = "PREMIUM"
    BASIC = "BASIC"


class PaymentMethod(Enum):
    CREDIT_CARD = "CC"
    BCOL = "DRAWDOWN"
    DIRECT_PAY = "DIRECT_PAY"
    ONLINE_BANKING = "ONLINE_BANKING"
    PAD = "PAD"
    EJV = "EJV"
    EFT = "EFT"


class LoginSource(Enum):
    BCSC = "BCSC"
    BCEID = "BCEID"
    STAFF = "IDIR"
