"""Stand-in for pbr.version: VersionInfo(...).version_string(), which the project's package __init__ calls at import."""


class VersionInfo:
    def __init__(self, package):
        self.package = package

    def version_string(self):
        return "0.0.0"
