"""Stand-in for storyboard.db.models: MYSQL_MEDIUM_TEXT, and Permission, which revision 050's downgrade deletes."""
import sqlalchemy as sa
from sqlalchemy.dialects.mysql import MEDIUMTEXT
from sqlalchemy.ext import declarative

MYSQL_MEDIUM_TEXT = sa.UnicodeText().with_variant(MEDIUMTEXT(), "mysql")

Base = declarative.declarative_base()


class Permission(Base):
    __tablename__ = "permissions"
    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.Unicode(50))
    codename = sa.Column(sa.Unicode(255))
