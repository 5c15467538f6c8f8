"""Stand-ins for the api modules EPIC.track's revisions import."""
