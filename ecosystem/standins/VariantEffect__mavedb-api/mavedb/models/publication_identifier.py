"""Stand-in for mavedb.models.publication_identifier: PublicationIdentifier mapped to publication_identifiers,
with the columns revision 22e2d92d602e reads and writes (the table's columns after that revision)."""
from sqlalchemy import Column, Date, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class PublicationIdentifier(Base):
    __tablename__ = "publication_identifiers"

    id = Column(Integer, primary_key=True)
    identifier = Column(String, nullable=False)
    db_name = Column(String, nullable=False)
    db_version = Column(String)
    url = Column(String)
    reference_html = Column(String)
    title = Column(Text)
    abstract = Column(Text)
    authors = Column(JSONB)
    publication_doi = Column(Text)
    preprint_doi = Column(Text)
    publication_year = Column(Integer)
    preprint_date = Column(Date)
    publication_journal = Column(Text)
