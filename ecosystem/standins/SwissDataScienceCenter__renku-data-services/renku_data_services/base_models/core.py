import enum


class ResourceType(enum.Enum):
    user = "user"
    anonymous_user = "anonymous_user"
    project = "project"
    group = "group"
