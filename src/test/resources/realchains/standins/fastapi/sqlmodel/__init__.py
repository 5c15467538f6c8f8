"""Stand-in for sqlmodel: only the column type the template's migrations name."""
