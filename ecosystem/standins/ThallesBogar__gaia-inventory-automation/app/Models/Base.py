"""Stand-in for `app.Models.Base` of ThallesBogar/gaia-inventory-automation: the declarative base the models share."""
from sqlalchemy.orm import declarative_base

Base = declarative_base()
