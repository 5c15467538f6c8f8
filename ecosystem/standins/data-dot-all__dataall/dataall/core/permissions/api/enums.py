import enum


class PermissionType(enum.Enum):
    TENANT = "TENANT"
    RESOURCE = "RESOURCE"
