class VisibilityState:
    PRIVATE = "private"
    TENANT = "tenant"
    GLOBAL = "global"
    STATES = [PRIVATE, TENANT, GLOBAL]


class AgentState:
    STATES = ["creating", "created", "configuring", "configured", "starting", "started", "stopping", "stopped",
              "deleting", "deleted", "restarting", "restarted", "restored", "upgrading", "upgraded",
              "nonresponsive", "failed"]


class BlueprintUploadState:
    UPLOADED = "uploaded"
