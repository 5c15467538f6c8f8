"""Revisions name app.helpers.db_list_type.DbListType after importing only app.helpers.db_set_type: in the application
the models, loaded with the app package, have imported both modules already."""
from app.helpers import db_list_type, db_set_type  # noqa: F401
