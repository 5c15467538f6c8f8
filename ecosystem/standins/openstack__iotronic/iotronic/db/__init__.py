"""Stand-in for iotronic.db: an empty package marker."""
