from ziggurat_foundations.models.services import _Service


class UserResourcePermissionService(_Service):
    table = "users_resources_permissions"
