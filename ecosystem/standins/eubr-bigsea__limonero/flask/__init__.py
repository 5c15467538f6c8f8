# Stand-in for the flask package: an empty package marker (limonero/__init__.py imports flask.json).
