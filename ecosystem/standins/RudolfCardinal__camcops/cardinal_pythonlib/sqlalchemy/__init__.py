"""Stand-in package marker for `cardinal_pythonlib.sqlalchemy`."""
