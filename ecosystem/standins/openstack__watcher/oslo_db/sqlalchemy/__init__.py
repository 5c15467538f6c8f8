"""Stand-in for oslo_db.sqlalchemy (scripts/rerun-recall): only what watcher's revisions and models use."""
