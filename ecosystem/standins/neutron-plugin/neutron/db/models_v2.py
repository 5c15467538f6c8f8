"""Stand-in for neutron.db.models_v2: Network, the model a revision queries (the `networks` table of neutron's
chain, which no chain of the plugin creates)."""
import sqlalchemy as sa
from sqlalchemy.ext import declarative

Base = declarative.declarative_base()


class Network(Base):
    __tablename__ = "networks"
    id = sa.Column(sa.String(36), primary_key=True)
    project_id = sa.Column(sa.String(255))
    name = sa.Column(sa.String(255))
    status = sa.Column(sa.String(16))
