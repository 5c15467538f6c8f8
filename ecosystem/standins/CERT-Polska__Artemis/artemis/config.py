"""POSTGRES_CONN_STR names, in production, the database the migrations run on. Here that is the database Alembic
is connected to when the revision is loaded for a run (Alembic loads the revision files again inside each
command, with its op proxy installed); a load outside a run (listing the revisions) gets a URL never connected to."""


class _ConnStr:
    def __get__(self, instance, owner):
        from alembic import op
        try:
            return op.get_bind().engine.url
        except (AttributeError, NameError):
            return "postgresql://127.0.0.1/not_connected"


class Config:
    class Data:
        POSTGRES_CONN_STR = _ConnStr()
