"""Stand-in for `labonneboite.common.models.base`: the declarative base and `CRUDMixin.get_or_create`, as the project
writes them, on the stand-in `db_session`."""
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import declarative_base
from sqlalchemy.orm.exc import NoResultFound

from labonneboite.common.database import _Query, db_session

Base = declarative_base()


class CRUDMixin:
    query = _Query()

    @classmethod
    def get_or_create(cls, defaults=None, **kwargs):
        try:
            return db_session.query(cls).filter_by(**kwargs).one(), False
        except NoResultFound:
            if defaults:
                kwargs.update(defaults)
            instance = cls(**kwargs)
            try:
                db_session.add(instance)
                db_session.commit()
                return instance, True
            except IntegrityError:
                db_session.rollback()
                return db_session.query(cls).filter_by(**kwargs).one(), True
