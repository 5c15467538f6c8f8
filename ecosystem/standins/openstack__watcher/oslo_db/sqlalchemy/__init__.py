"""Stand-in for oslo_db.sqlalchemy (ecosystem/rerun-recall): only what watcher's revisions and models use."""
