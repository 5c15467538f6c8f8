"""Stand-in for eutils._internal."""
