from ziggurat_foundations.models.services import _Service


class GroupResourcePermissionService(_Service):
    table = "groups_resources_permissions"
