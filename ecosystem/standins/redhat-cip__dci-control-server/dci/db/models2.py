"""dci.db.models2 reduced to the columns of `components` that 46dff7ed04c2 reads and writes (its Component model at
142a629d58 maps more, added by later revisions). The walk's table is empty: the revision's loop never runs."""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Component(Base):
    __tablename__ = "components"

    id = sa.Column(pg.UUID(as_uuid=True), primary_key=True)
    created_at = sa.Column(sa.DateTime(), nullable=False)
    name = sa.Column(sa.String(255), nullable=False)
    canonical_project_name = sa.Column(sa.String)
    display_name = sa.Column(sa.String)
    version = sa.Column(sa.String)
    uid = sa.Column(sa.String)
    title = sa.Column(sa.Text)
    message = sa.Column(sa.Text)
    type = sa.Column(sa.String(255), nullable=False)
    topic_id = sa.Column(pg.UUID(as_uuid=True))
    team_id = sa.Column(pg.UUID(as_uuid=True))
