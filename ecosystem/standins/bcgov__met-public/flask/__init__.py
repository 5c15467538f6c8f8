"""Stand-in for flask's current_app as met-public's revisions read it: the default tenant of api/config.py (its
defaults, no environment set)."""
import logging


class _App:
    config = {
        "DEFAULT_TENANT_SHORT_NAME": "DEFAULT",
        "DEFAULT_TENANT_NAME": "Default Tenant",
        "DEFAULT_TENANT_DESCRIPTION": "The default tenant for DEP. Used for testing and development.",
    }
    logger = logging.getLogger("alembic.runtime.migration")


current_app = _App()
