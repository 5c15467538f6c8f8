"""Stand-in for flathub website's backend app package, as far as its alembic revisions import it."""
