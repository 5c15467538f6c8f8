# The two models the revisions query, mapped to the columns they read; on a fresh database the
# tables are empty, so the loops over them never run.
from sqlalchemy import Column, Integer, String, Text
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class CounterStat(Base):
    __tablename__ = "counter_stat"
    name = Column(Text, primary_key=True)
    counter_type = Column(String(30))
    counter = Column(Integer, default=0, server_default="0")


class MockChroot(Base):
    __tablename__ = "mock_chroot"
    id = Column(Integer, primary_key=True)
