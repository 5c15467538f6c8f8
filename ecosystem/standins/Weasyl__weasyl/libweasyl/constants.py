import enum


class RateLimitId(enum.Enum):
    MAIL_OUT = "mail-out"
