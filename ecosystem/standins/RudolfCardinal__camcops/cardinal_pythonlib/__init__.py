"""Stand-in package marker for `cardinal_pythonlib` (CamCOPS' library), which the walk's Python lacks."""
