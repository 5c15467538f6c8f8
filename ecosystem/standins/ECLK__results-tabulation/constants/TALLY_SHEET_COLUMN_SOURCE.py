"""Stand-in for results-tabulation `results-tabulation-api/constants/TALLY_SHEET_COLUMN_SOURCE.py`: its three values."""
TALLY_SHEET_COLUMN_SOURCE_META = "Meta"
TALLY_SHEET_COLUMN_SOURCE_CONTENT = "Content"
TALLY_SHEET_COLUMN_SOURCE_QUERY = "Query"
