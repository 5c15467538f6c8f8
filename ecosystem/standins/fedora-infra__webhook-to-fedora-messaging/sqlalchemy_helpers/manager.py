"""Stand-in for sqlalchemy_helpers.manager, as far as webhook-to-fedora-messaging's revisions use it: is_sqlite, true
when the connection's dialect is SQLite (the package's own test)."""


def is_sqlite(connection):
    return connection.dialect.name == "sqlite"
