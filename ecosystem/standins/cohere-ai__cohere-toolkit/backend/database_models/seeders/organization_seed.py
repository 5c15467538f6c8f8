"""backend.database_models.seeders.organization_seed at fdd4371edf: the default organization's insert and delete."""
from sqlalchemy import text
from sqlalchemy.orm import Session

from backend.database_models import Organization


def seed_default_organization(op):
    _ = Session(op.get_bind())
    op.execute(text(
        """
        INSERT INTO organizations (id, name, created_at, updated_at)
        VALUES (:id, :name, now(), now())
        ON CONFLICT (id) DO NOTHING;
        """
    ).bindparams(id="default", name="Default Organization"))


def delete_default_organization(op):
    session = Session(op.get_bind())
    session.query(Organization).filter_by(id="default").delete()
    session.commit()
