import enum


class EnvironmentIAMPrincipalType(enum.Enum):
    GROUP = "GROUP"
    USER = "USER"
    ROLE = "ROLE"
