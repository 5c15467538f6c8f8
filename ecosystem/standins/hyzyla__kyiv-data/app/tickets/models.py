"""Stand-in for `app.tickets.models` of hyzyla/kyiv-data: `District` and `Subject`, whose tables revision 95ea288c728a
bulk-inserts into (the project declares them on Flask-SQLAlchemy's db.Model, with the same columns)."""
from sqlalchemy import BigInteger, Column, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class District(Base):
    __tablename__ = "districts"

    id = Column(BigInteger, primary_key=True)
    name = Column(Text, nullable=False)


class Subject(Base):
    __tablename__ = "subjects"

    id = Column(BigInteger, primary_key=True)
    name = Column(Text, nullable=False)
