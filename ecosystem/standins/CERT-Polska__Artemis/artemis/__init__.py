"""Stand-ins for the artemis modules its revisions import: the tsvector column type, and the connection string its
initial revision makes an engine of to ask whether tables exist."""
