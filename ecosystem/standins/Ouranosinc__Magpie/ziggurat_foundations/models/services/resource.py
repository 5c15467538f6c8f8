from ziggurat_foundations.models.services import _Service


class ResourceService(_Service):
    table = "resources"
