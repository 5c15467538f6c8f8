"""Stand-in for kitchenowl's Flask application package: what its revisions import (`from app import db`,
app.config, app.helpers.db_set_type)."""
from app.config import db  # noqa: F401
