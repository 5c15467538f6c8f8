"""Stands in for contentdb's `app.models`: `UserRank` (its values), `User` (imported by 105d4c740ad6, which uses
neither name) and `ContentWarning`, the model b370c3eb4227 adds rows through, with the project's columns of
`content_warning` and its constructor (the name derived from the title), without Flask-SQLAlchemy."""
import enum
import re

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class UserRank(enum.Enum):
    BANNED = 0
    NOT_JOINED = 1
    NEW_MEMBER = 2
    MEMBER = 3
    TRUSTED_MEMBER = 4
    APPROVER = 5
    EDITOR = 6
    BOT = 7
    MODERATOR = 8
    ADMIN = 9


class User(Base):
    __tablename__ = "user"

    id = sa.Column(sa.Integer, primary_key=True)


class ContentWarning(Base):
    __tablename__ = "content_warning"

    id = sa.Column(sa.Integer, primary_key=True)
    name = sa.Column(sa.String(100), unique=True, nullable=False)
    title = sa.Column(sa.String(100), nullable=False)
    description = sa.Column(sa.String(500), nullable=False)

    def __init__(self, title, description=""):
        self.title = title
        self.description = description
        self.name = re.sub("[^a-z_]", "", self.title.lower().replace(" ", "_"))
