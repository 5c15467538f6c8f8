# packit_service.models' three mixins the revisions' own models inherit: plain classes with methods only
# (packit_service/models.py), no columns or relationships of their own.
class ProjectAndEventsConnector:
    pass


class GroupAndTargetModelConnector:
    pass


class GroupModel:
    pass
