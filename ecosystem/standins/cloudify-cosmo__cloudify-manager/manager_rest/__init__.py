"""Stand-ins for the manager_rest modules cloudify-manager's revisions import: its column types as they render on
PostgreSQL and the few tables revisions query through the models."""
from . import storage
