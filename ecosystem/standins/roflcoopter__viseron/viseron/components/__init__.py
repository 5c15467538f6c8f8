"""Stand-in for viseron, as far as the revisions of viseron/components/storage/alembic import it."""
