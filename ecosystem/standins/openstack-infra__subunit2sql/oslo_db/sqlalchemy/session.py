"""Stand-in for oslo_db.sqlalchemy.session: EngineFacade, whose sessions subunit2sql.db.api uses. Its sessions are
bound to the migration's connection (the URL it is given is that connection's, oslo_config.cfg here)."""
from sqlalchemy import orm


class EngineFacade:
    def __init__(self, url, **kwargs):
        self.url = url

    def get_session(self, autocommit=True, expire_on_commit=False):
        from alembic import op
        return orm.Session(bind=op.get_bind(), autocommit=autocommit, expire_on_commit=expire_on_commit)
