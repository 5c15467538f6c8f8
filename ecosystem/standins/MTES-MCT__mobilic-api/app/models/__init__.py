"""app.models reduced to the columns the revisions' ORM queries use (60f5c0616731 reads and writes RegulationCheck;
dab7465f3667 imports Activity and ActivityVersion for its downgrade; RegulatoryAlert is imported and unused)."""
import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class RegulationCheck(Base):
    __tablename__ = "regulation_check"

    id = sa.Column(sa.Integer, primary_key=True)
    type = sa.Column(sa.String(255), nullable=False)
    date_application_end = sa.Column(sa.Date)


class RegulatoryAlert(Base):
    __tablename__ = "regulatory_alert"

    id = sa.Column(sa.Integer, primary_key=True)


class Activity(Base):
    __tablename__ = "activity"

    id = sa.Column(sa.Integer, primary_key=True)


class ActivityVersion(Base):
    __tablename__ = "activity_version"

    id = sa.Column(sa.Integer, primary_key=True)
    activity_id = sa.Column(sa.Integer)
