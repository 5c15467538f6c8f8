"""Stand-ins for the notifications-api modules its revisions import."""
