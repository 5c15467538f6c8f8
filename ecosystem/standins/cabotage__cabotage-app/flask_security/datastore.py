"""flask_security.datastore.AsaList as it renders: a TypeDecorator on UnicodeText (TEXT) holding a comma-separated
list."""
import sqlalchemy as sa


class AsaList(sa.types.TypeDecorator):
    impl = sa.UnicodeText
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return ",".join(value) if value else None

    def process_result_value(self, value, dialect):
        return value.split(",") if value else []
