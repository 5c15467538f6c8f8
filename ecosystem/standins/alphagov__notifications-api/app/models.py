"""The models the revisions import: LetterRate's table as bulk_insert writes it, the others only imported."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID

from app.constants import BRANDING_GOVUK, BRANDING_ORG  # noqa: F401

_metadata = sa.MetaData()


class LetterRate:
    __table__ = sa.Table(
        "letter_rates", _metadata,
        sa.Column("id", UUID(as_uuid=True), primary_key=True),
        sa.Column("start_date", sa.DateTime, nullable=False),
        sa.Column("end_date", sa.DateTime, nullable=True),
        sa.Column("sheet_count", sa.Integer, nullable=False),
        sa.Column("rate", sa.Numeric(), nullable=False),
        sa.Column("crown", sa.Boolean, nullable=False),
        sa.Column("post_class", sa.String, nullable=False),
    )


class Job:
    pass


class NotificationHistory:
    pass


class Template:
    pass


class Service:
    pass
