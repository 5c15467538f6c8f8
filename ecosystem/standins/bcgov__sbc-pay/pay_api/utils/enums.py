"""Stand-in for the pay_api.utils.enums members sbc-pay's revisions read, with pay_api's values."""
from enum import Enum


class AuthHeaderType(Enum):
    BASIC = "Basic {}"
    BEARER = "Bearer {}"


class ContentType(Enum):
    JSON = "application/json"
    FORM_URL_ENCODED = "application/x-www-form-urlencoded"


class EJVLinkType(Enum):
    INVOICE = "invoice"


class InvoiceStatus(Enum):
    CREATED = "CREATED"
    APPROVED = "APPROVED"


class DisbursementStatus(Enum):
    WAITING_FOR_JOB = "WAITING_FOR_JOB"


class RoutingSlipStatus(Enum):
    REFUND_REQUESTED = "REFUND_REQUESTED"
    REFUND_AUTHORIZED = "REFUND_AUTHORIZED"
    REFUND_UPLOADED = "REFUND_UPLOADED"
    REFUND_PROCESSED = "REFUND_PROCESSED"


class ChequeRefundStatus(Enum):
    PROCESSING = "PROCESSING"
    PROCESSED = "PROCESSED"


class APRefundMethod(Enum):
    EFT = "EFT"


class PaymentMethod(Enum):
    DIRECT_PAY = "DIRECT_PAY"
    EFT = "EFT"
    ONLINE_BANKING = "ONLINE_BANKING"
    PAD = "PAD"
    EJV = "EJV"


class RefundsPartialStatus(Enum):
    REFUND_REQUESTED = "REFUND_REQUESTED"
    REFUND_PROCESSING = "REFUND_PROCESSING"
    REFUND_PROCESSED = "REFUND_PROCESSED"


class RefundStatus(Enum):
    APPROVAL_NOT_REQUIRED = "APPROVAL_NOT_REQUIRED"
    APPROVED = "APPROVED"


class RefundType(Enum):
    EFT = "EFT"
    INVOICE = "INVOICE"
    ROUTING_SLIP = "ROUTING_SLIP"


class StatementFrequency(Enum):
    WEEKLY = "WEEKLY"

    @staticmethod
    def default_frequency():
        return StatementFrequency.WEEKLY
