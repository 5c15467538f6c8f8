"""Stand-in package marker for `labonneboite.web`."""
