# oslo.db's ModelBase and TimestampMixin as vitrage's models use them: ModelBase adds no column; the mixin
# adds created_at/updated_at, which the revisions never read from these classes.
import sqlalchemy


class ModelBase(object):
    pass


class TimestampMixin(object):
    created_at = sqlalchemy.Column(sqlalchemy.DateTime)
    updated_at = sqlalchemy.Column(sqlalchemy.DateTime)
