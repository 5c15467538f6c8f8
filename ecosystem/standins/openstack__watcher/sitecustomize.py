"""Stand-in for what watcher's env.py loads before the revisions: its models, and oslo_db.sqlalchemy.types (which
oslo.db's enginefacade imports; revisions that only `import oslo_db` reach it as oslo_db.sqlalchemy.types)."""
import oslo_db.sqlalchemy.types  # noqa: F401
import watcher.db.sqlalchemy.models  # noqa: F401
