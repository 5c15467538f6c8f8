import enum


class EnvironmentPermission(enum.Enum):
    Owner = "999"
    Admin = "900"
    DatasetCreator = "800"
    Invited = "200"
    ProjectAccess = "050"
    NotInvited = "000"


class EnvironmentType(enum.Enum):
    Data = "Data"
    IntegrationTesting = "IntegrationTesting"
