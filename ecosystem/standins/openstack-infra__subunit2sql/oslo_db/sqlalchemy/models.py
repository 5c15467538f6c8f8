"""Stand-in for oslo_db.sqlalchemy.models: ModelBase, the mixin subunit2sql.db.models' classes extend."""


class ModelBase:
    __table_initialized__ = False

    def save(self, session):
        session.add(self)
        session.flush()

    def update(self, values):
        for k, v in values.items():
            setattr(self, k, v)
