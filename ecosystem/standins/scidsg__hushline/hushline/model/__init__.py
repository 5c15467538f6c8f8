"""hushline.model reduced to the enum a revision imports (hushline/model/enums.py at 1e803cd641)."""
import enum


class SMTPEncryption(enum.Enum):
    SSL = "SSL"
    StartTLS = "StartTLS"
