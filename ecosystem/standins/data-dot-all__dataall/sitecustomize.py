# data.all names the PostgreSQL schema of a deployment after its environment (`envname`, search_path of
# its engine); the harness runs every revision in the database's default schema, so the environment
# here is `public` (one revision writes `ALTER TABLE {envname}.notification`).
import os

os.environ.setdefault("envname", "public")
