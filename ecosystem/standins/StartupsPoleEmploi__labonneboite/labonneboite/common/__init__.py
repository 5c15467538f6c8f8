"""Stand-in package marker for `labonneboite.common`."""
