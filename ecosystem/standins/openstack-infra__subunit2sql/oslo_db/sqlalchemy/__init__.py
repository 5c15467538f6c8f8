# Stand-in for oslo_db.sqlalchemy: an empty package marker.
