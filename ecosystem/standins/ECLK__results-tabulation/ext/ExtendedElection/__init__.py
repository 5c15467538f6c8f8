"""Stand-in package marker for results-tabulation `ext/ExtendedElection`."""
