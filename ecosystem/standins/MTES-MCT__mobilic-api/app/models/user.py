"""app.models.user's UserAccountStatus (values as at 94ff988588)."""
from enum import Enum


class UserAccountStatus(str, Enum):
    ACTIVE = "active"
    BLOCKED_BAD_PASSWORD = "blocked_bad_password"
    THIRD_PARTY_PENDING_APPROVAL = "third_party_pending_approval"
    ANONYMIZED = "anonymized"
