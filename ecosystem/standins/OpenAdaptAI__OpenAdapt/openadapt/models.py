"""Follows legacy/openadapt/models.py at b57c25ccce: ForceFloat, a Numeric(10, 2) read back as float."""
import sqlalchemy as sa


class ForceFloat(sa.TypeDecorator):
    impl = sa.Numeric(10, 2, asdecimal=False)
    cache_ok = True

    def process_result_value(self, value, dialect):
        return float(value) if value is not None else value
