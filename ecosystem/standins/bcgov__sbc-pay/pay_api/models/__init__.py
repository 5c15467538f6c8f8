"""Stand-ins for the pay_api models the revisions import and never use (names only)."""
