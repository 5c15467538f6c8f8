from . import db
