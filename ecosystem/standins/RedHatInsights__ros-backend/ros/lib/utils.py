# ros.lib.utils.get_or_create: select the row by its keys, update it or insert it (flask_sqlalchemy's
# db.select is sqlalchemy.select).
from sqlalchemy import select


def get_or_create(session, model, keys, **kwargs):
    if not keys:
        keys = kwargs.keys()
    if isinstance(keys, str):
        keys = [keys]
    if not isinstance(keys, list):
        raise TypeError("keys argument must be a list or string")
    instance = session.scalar(select(model).filter_by(**{k: kwargs[k] for k in keys}))
    if instance:
        for k, v in kwargs.items():
            setattr(instance, k, v)
    else:
        instance = model(**kwargs)
        session.add(instance)
        session.flush()
    return instance
