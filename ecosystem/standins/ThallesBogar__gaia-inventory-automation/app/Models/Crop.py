"""Stand-in for `app.Models.Crop` of ThallesBogar/gaia-inventory-automation: the `crops` table's columns, which the
seed revision 446fe12df7d8 adds rows to through an ORM session."""
from sqlalchemy import Column, DateTime, Integer, String, func
from sqlalchemy.dialects.postgresql import JSONB

from app.Models.Base import Base


class Crop(Base):
    __tablename__ = "crops"

    id = Column(Integer, primary_key=True)
    slug = Column(String(50), unique=True, nullable=False)
    labels = Column(JSONB, nullable=False)
    created_at = Column(DateTime(timezone=True), server_default=func.now())
    updated_at = Column(DateTime(timezone=True), server_default=func.now())
