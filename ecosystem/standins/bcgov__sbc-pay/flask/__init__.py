"""Stand-in for flask's current_app as sbc-pay's revisions read it: its config only where a revision has rows to
update through Keycloak, which an empty database does not hold (empty config), and a logger."""
import logging


class _App:
    config = {}
    logger = logging.getLogger("alembic.runtime.migration")


current_app = _App()
