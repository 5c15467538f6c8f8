"""Stand-in for results-tabulation `ext/ExtendedElection/ExtendedElectionPresidentialElection2019`: the tally sheet
codes revision 9cb6d7971778 imports, as its TALLY_SHEET_CODES.py gives them (the package imports the Flask app)."""
PRE_34_CO = "PRE-34-CO"
PRE_34_I_RO = "PRE-34-I-RO"
PRE_34_II_RO = "PRE-34-II-RO"
PRE_34 = "PRE-34"
PRE_34_PD = "PRE-34-PD"
PRE_34_ED = "PRE-34-ED"
PRE_34_AI = "PRE-34-AI"
