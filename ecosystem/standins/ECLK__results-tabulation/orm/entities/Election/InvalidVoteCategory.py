"""Stand-in for results-tabulation `orm/entities/Election/InvalidVoteCategory.py`: `InvalidVoteCategoryModel`, mapped
to `election_invalidVoteCategory` with the four columns the project's model declares (the project's module builds it
on the Flask app's `db`). Revision 5f61093c9695 queries it in a session on the migration's connection."""
import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class InvalidVoteCategoryModel(Base):
    __tablename__ = 'election_invalidVoteCategory'
    invalidVoteCategoryId = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    electionId = sa.Column(sa.Integer)
    categoryDescription = sa.Column(sa.String(300), nullable=False)
    invalidVoteCategoryType = sa.Column(sa.String(50), nullable=True)
