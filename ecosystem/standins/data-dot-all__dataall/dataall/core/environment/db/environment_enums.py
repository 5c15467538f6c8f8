import enum


class PolicyManagementOptions(enum.Enum):
    FULLY_MANAGED = "Fully-Managed"
    PARTIALLY_MANAGED = "Partially-Managed"
    EXTERNALLY_MANAGED = "Externally-Managed"
