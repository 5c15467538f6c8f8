"""Stand-in for storyboard.db.api.base: get_session, a session of the database the migration runs on (the real one
opens one from the configured URL, the same database), and entity_hard_delete."""
from sqlalchemy import orm


def get_session(in_request=True, autocommit=True, expire_on_commit=False):
    from alembic import op
    return orm.Session(bind=op.get_bind(), autocommit=autocommit, expire_on_commit=expire_on_commit)


def entity_hard_delete(kls, entity_id, session=None):
    session.query(kls).filter_by(id=entity_id).delete()
    session.flush()
