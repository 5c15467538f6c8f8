"""Stand-in for szurubooru: the file helpers 02ef5f73f4ab calls."""
