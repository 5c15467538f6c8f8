"""Stand-in for app.models (SQLAlchemy 2 there, 1.4 here): the Guideline and GuidelineCategory models, imported by
revisions 248a867312b4 and b664044af9f3, with the columns they map at the chain's commit."""
from sqlalchemy import Boolean, Column, Date, ForeignKey, Integer, String, false
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class GuidelineCategory(Base):
    __tablename__ = "guideline_category"

    id = Column(String, primary_key=True)
    order = Column(Integer, nullable=False)


class Guideline(Base):
    __tablename__ = "guideline"

    id = Column(String, primary_key=True)
    url = Column(String, nullable=False)
    needed_to_pass_since = Column(Date, nullable=False)
    read_only = Column(Boolean, nullable=False, server_default=false())
    show_on_fullscreen_app = Column(Boolean, nullable=False, server_default=false())
    order = Column(Integer, nullable=False)
    guideline_category_id = Column(String, ForeignKey("guideline_category.id"), nullable=False, index=True)
