"""Stand-in for flask's current_app and g as sbc-auth's revisions read them: BCOL_API_URL of auth_api/config.py's
TestConfig (the revisions call it only for rows an empty database does not hold), a logger."""
import logging


class _App:
    config = {"BCOL_API_URL": "http://localhost:8080/bcol-api/api/v1"}
    logger = logging.getLogger("alembic.runtime.migration")


class _Globals:
    pass


current_app = _App()
g = _Globals()
