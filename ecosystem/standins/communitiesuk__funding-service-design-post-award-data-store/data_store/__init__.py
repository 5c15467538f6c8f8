"""Stand-ins for the data_store modules the revisions import: GUID as it renders on PostgreSQL (uuid), and the one
model a data revision builds for rows an empty database lacks."""
from . import db
