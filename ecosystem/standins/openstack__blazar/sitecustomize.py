import sqlalchemy.orm  # noqa: F401  (blazar's revisions use sa.orm, which its application has imported)
