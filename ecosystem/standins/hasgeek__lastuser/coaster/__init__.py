"""Stand-in package for coaster (hasgeek's helper library), only the module lastuser's revisions import."""
