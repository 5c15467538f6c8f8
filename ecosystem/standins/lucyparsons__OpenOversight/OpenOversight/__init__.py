"""The names of OpenOversight.app the revisions import; the real package imports Flask, Flask-SQLAlchemy, boto3."""
