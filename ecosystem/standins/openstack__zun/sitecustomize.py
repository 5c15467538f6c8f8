"""Stand-in for what zun's env.py loads before the revisions: zun.db.sqlalchemy.models (revisions that only
`import zun` reach it as zun.db.sqlalchemy.models) and sqlalchemy.orm (revisions use sa.orm.Session)."""
import sqlalchemy.orm  # noqa: F401
import zun.db.sqlalchemy.models  # noqa: F401
