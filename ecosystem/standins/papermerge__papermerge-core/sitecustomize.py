"""papermerge reads its database URL from PM_DB_URL (env.py and revision 1a5a9bffcad4, which adds unique
constraints only when it is not SQLite); a PostgreSQL deploy sets it to a postgresql URL."""
import os

os.environ.setdefault("PM_DB_URL", "postgresql://localhost/papermerge")
