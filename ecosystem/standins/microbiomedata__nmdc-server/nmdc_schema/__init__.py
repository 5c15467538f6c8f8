"""Stand-in for nmdc_schema (a pip dependency of nmdc-server), as far as its revisions import it."""
