"""Stand-in package marker for results-tabulation `orm/entities/Election`."""
