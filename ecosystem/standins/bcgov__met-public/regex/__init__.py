"""Stand-in for the regex package: one revision imports its F flag (FULLCASE) and never uses it."""
F = FULLCASE = 0x4000
