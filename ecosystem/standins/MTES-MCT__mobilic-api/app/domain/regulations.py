"""app.domain.regulations.get_default_business: the business row of type SHIPPING (the real one reads it with the
Flask session's Business model; this reads it on the revision's own connection). aa1096a64d0f inserts the rows with
the enum's values."""
from types import SimpleNamespace

import sqlalchemy as sa
from alembic import op


def get_default_business(business_id=None):
    row = op.get_bind().execute(
        sa.text("SELECT id FROM business WHERE business_type = :t"),
        {"t": "Messagerie, Fonds et valeur"},
    ).first()
    return SimpleNamespace(id=row.id) if row else None
