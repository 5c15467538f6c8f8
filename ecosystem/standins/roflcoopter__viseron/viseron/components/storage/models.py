"""Stand-in for viseron.components.storage.models (SQLAlchemy 2 there, 1.4 here), as far as the revisions use it:
UTCDateTime (a DateTime without time zone), UTCNow (TIMEZONE('utc', CURRENT_TIMESTAMP) on PostgreSQL) and the
Files and Recordings models with every column they map at the chain's commit, since 31851b6eb50c and 7b1f82f2ec39
select the whole model (`sa.select(Recordings)`). trigger_type is an enum there; a select only names it."""
import datetime

from sqlalchemy import Column, DateTime, Float, Integer, String, types
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import declarative_base
from sqlalchemy.sql import expression


class UTCDateTime(types.TypeDecorator):
    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, _dialect):
        if isinstance(value, datetime.datetime):
            if value.tzinfo is None:
                raise ValueError("Only UTC datetimes are allowed")
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, _dialect):
        if isinstance(value, datetime.datetime) and value.tzinfo is None:
            return value.replace(tzinfo=datetime.timezone.utc)
        return value


class UTCNow(expression.FunctionElement):
    type = UTCDateTime()
    inherit_cache = True


@compiles(UTCNow, "postgresql")
def _pg_utcnow(_element, _compiler, **_kw):
    return "TIMEZONE('utc', CURRENT_TIMESTAMP)"


Base = declarative_base()


class Files(Base):
    __tablename__ = "files"

    id = Column(Integer, primary_key=True, autoincrement=True)
    tier_id = Column(Integer)
    tier_path = Column(String)
    camera_identifier = Column(String)
    category = Column(String)
    subcategory = Column(String)
    path = Column(String, unique=True)
    directory = Column(String)
    filename = Column(String)
    size = Column(Integer)
    duration = Column(Float, nullable=True)
    orig_ctime = Column(UTCDateTime(timezone=False), nullable=False)
    created_at = Column(UTCDateTime(timezone=False), server_default=UTCNow(), nullable=True)
    updated_at = Column(UTCDateTime(timezone=False), onupdate=UTCNow(), nullable=True)


class Recordings(Base):
    __tablename__ = "recordings"

    id = Column(Integer, primary_key=True, autoincrement=True)
    camera_identifier = Column(String)
    start_time = Column(UTCDateTime(timezone=False))
    end_time = Column(UTCDateTime(timezone=False), nullable=True)
    created_at = Column(UTCDateTime(timezone=False), server_default=UTCNow(), nullable=True)
    updated_at = Column(UTCDateTime(timezone=False), onupdate=UTCNow(), nullable=True)
    trigger_type = Column(String, nullable=True)
    trigger_id = Column(Integer, nullable=True)
    thumbnail_path = Column(String, nullable=True)
    clip_path = Column(String, nullable=True)
    adjusted_start_time = Column(UTCDateTime(timezone=False), nullable=True)
