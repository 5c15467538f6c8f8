"""Stand-in package marker for results-tabulation `results-tabulation-api/ext`."""
