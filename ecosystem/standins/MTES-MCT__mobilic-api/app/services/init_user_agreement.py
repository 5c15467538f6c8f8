"""app.services.init_user_agreement: the same INSERT ... SELECT as the real one, with config's CGU_INITIAL_VERSION
and CGU_INITIAL_RELASE_DATE (94ff988588)."""
from datetime import datetime

import sqlalchemy as sa

CGU_INITIAL_RELASE_DATE = datetime(2022, 1, 1)
CGU_INITIAL_VERSION = "v1.0"


def init_user_agreement(session, cgu_version=""):
    if cgu_version == "":
        cgu_version = CGU_INITIAL_VERSION
    session.execute(
        sa.text(
            """
            INSERT INTO user_agreement (user_id, cgu_version, creation_time, answer_date, status, is_blacklisted)
            SELECT u.id, :cgu_version, :creation_time, :answer_date, 'accepted', FALSE
            FROM "user" u
            """
        ).params(cgu_version=cgu_version, creation_time=CGU_INITIAL_RELASE_DATE, answer_date=CGU_INITIAL_RELASE_DATE)
    )
