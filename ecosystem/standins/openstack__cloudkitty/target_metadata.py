"""The target_metadata of cloudkitty's hashmap chain: its env.py passes models.Base.metadata, whose Base is
cloudkitty.common.db.models.get_base() (cloudkitty/common/db/models.py, Debian 12 python3-cloudkitty 17.0.0-3): the
naming convention below, copied by hand. The project's other chains use plain declarative bases."""
from sqlalchemy import MetaData

VERSIONS = ["cloudkitty/rating/hash/db/sqlalchemy/alembic/versions"]

metadata = MetaData(naming_convention={
    "ix": 'ix_%(column_0_label)s',
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s"})
