"""Stand-in for flask_rq2: `RQ`, which thorn/__init__.py instantiates at import (the revisions import
thorn.migration_utils); no queue is used during a migration."""


class RQ:
    def __init__(self, *args, **kwargs):
        pass
