"""app.models.controller_control reduced to what 096862334173 and 575d1a347d04 touch: they loop over rows of
controller_control, which is empty on the walk, so `report_infractions` is never reached (it raises if it is)."""
import sqlalchemy as sa

from app.models import Base


class ControllerControl(Base):
    __tablename__ = "controller_control"

    id = sa.Column(sa.Integer, primary_key=True)
    creation_time = sa.Column(sa.DateTime)
    observed_infractions = sa.Column(sa.JSON)

    def report_infractions(self):
        raise NotImplementedError("stand-in: the walk has no controller_control rows")
