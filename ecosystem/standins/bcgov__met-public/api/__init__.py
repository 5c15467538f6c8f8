"""Stand-ins for the api modules met-public's revisions import."""
