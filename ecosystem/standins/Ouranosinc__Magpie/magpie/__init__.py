"""Stand-in for magpie: the constants and permission names its revisions import."""
