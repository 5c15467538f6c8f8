# Stand-in for testtools: subunit2sql.read_subunit imports it; no revision reads a stream.
