"""Stand-in for flask's current_app and g as EPIC.track's revisions read them: MIN_WORK_START_DATE of api/config.py
(its default), a logger, and g, on which a revision sets jwt_oidc_token_info."""
import logging


class _App:
    config = {"MIN_WORK_START_DATE": "1995-06-30"}
    logger = logging.getLogger("alembic.runtime.migration")


class _Globals:
    pass


current_app = _App()
g = _Globals()
