# Stand-in for python-subunit: subunit2sql.read_subunit imports it; no revision reads a stream.
