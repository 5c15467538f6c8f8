"""Stand-in for api.models.work_type.WorkTypeEnum: the member a revision reads, with the application's value."""
import enum


class WorkTypeEnum(enum.Enum):
    AMENDMENT = 7
