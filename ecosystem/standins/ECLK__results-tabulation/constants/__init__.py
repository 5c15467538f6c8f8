"""Stand-in package marker for results-tabulation `results-tabulation-api/constants` (the project runs from results-tabulation-api/)."""
