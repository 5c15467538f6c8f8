"""Stand-in for what mistral's env.py loads before the revisions: sqlalchemy.orm (revisions use sa.orm.Session)."""
import sqlalchemy.orm  # noqa: F401
