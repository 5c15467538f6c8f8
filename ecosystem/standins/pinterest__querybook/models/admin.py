"""models.admin reduced to the columns of QueryMetastore that aceefd7708b6 reads and writes (the model at babdbc6ec0
maps more). The walk's query_metastore table is empty."""
import sqlalchemy as sql
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class QueryMetastore(Base):
    __tablename__ = "query_metastore"

    id = sql.Column(sql.Integer, primary_key=True)
    name = sql.Column(sql.String(length=255), unique=True, nullable=False)
    loader = sql.Column(sql.String(length=128), nullable=False)
    metastore_params = sql.Column(sql.JSON)
