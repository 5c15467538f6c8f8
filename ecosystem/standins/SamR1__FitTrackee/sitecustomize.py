import sqlalchemy
from sqlalchemy.dialects.postgresql import UUID
# SQLAlchemy 2.0 exports UUID at the top level; Debian has 1.4
sqlalchemy.UUID = UUID
