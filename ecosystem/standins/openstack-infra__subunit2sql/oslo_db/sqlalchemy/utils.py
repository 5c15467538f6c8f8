"""Stand-in for oslo_db.sqlalchemy.utils: model_query(model, session), a query of the model in the session."""


def model_query(model, session, *args, **kwargs):
    return session.query(model)
