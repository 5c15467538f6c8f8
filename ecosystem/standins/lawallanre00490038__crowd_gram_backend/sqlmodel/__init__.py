"""Stand-in for the package `sqlmodel` (SQLModel), as lawallanre00490038/crowd_gram_backend's revisions import it:
only `sqlmodel.sql.sqltypes.AutoString` is used."""
from sqlmodel import sql  # noqa: F401  (the revisions reach sqlmodel.sql.sqltypes through the package)
