"""Stand-in for sqlalchemy_utils' column types as they render on PostgreSQL: UUIDType is the native
uuid (the `binary` flag matters only without a native type), ChoiceType a varchar(255) of the choice's
key, EmailType varchar(255), LocaleType varchar(10), TimezoneType varchar(50)."""
from .types.choice import ChoiceType
from .types.uuid import UUIDType
from .types.simple import EmailType, LocaleType, TimezoneType
