"""Stand-in for iotronic.db.sqlalchemy: an empty package marker."""
