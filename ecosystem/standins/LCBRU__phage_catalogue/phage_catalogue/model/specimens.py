"""Stand-in for `phage_catalogue.model.specimens` (phage_catalogue/model/specimens.py): `BacterialSpecies`, the one
model revision f78b5800f287 imports.

The real class is `Lookup` (phage_catalogue/model/lookups.py: `id`, `name` String(100) unique) with lbrc_flask's
`AuditMixin` (src/lbrc_flask/security/model.py: `last_update_date`/`created_date` defaulting to the UTC time,
`last_update_by`/`created_by` to the current user's email, '[None]' outside a request) and `CommonMixin`, on
Flask-SQLAlchemy's `db.Model`, whose table name is the class name in snake case, `bacterial_species`.
"""
import datetime

from sqlalchemy import Column, DateTime, Integer, String

from lbrc_flask.database import db


def _utc_now():
    return datetime.datetime.utcnow()


class BacterialSpecies(db.Model):
    __tablename__ = 'bacterial_species'

    id = Column(Integer, primary_key=True)
    name = Column(String(100), index=True, unique=True)
    last_update_date = Column(DateTime, nullable=False, default=_utc_now, onupdate=_utc_now)
    created_date = Column(DateTime, nullable=False, default=_utc_now)
    last_update_by = Column(String(200), nullable=False, default='[None]', onupdate='[None]')
    created_by = Column(String(200), nullable=False, default='[None]')
