"""The one setting of mergin.sync.config the access-request revision reads, at its default."""


class Configuration:
    PROJECT_ACCESS_REQUEST = 7 * 24 * 3600
