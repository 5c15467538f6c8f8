# The enum values c1b5abada09c reads (cyborg/common/constants.py; the real module imports
# os_resource_classes, which is not installed here).
ARQ_STATES = (
    ARQ_INITIAL,
    ARQ_BIND_STARTED,
    ARQ_BOUND,
    ARQ_UNBOUND,
    ARQ_BIND_FAILED,
    ARQ_UNBIND_FAILED,
    ARQ_DELETING,
) = ("Initial", "BindStarted", "Bound", "Unbound", "BindFailed", "UnbindFailed", "Deleting")

ATTACH_HANDLE_TYPES = (AH_TYPE_PCI, AH_TYPE_MDEV, AH_TYPE_TEST_PCI) = ("PCI", "MDEV", "TEST_PCI")
