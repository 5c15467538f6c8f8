"""Stand-in for conbench.entities._entity: the clean-commits revision assigns its Alembic session to
`Session` here before importing the Commit model."""
from sqlalchemy.orm import declarative_base

Base = declarative_base()
Session = None
