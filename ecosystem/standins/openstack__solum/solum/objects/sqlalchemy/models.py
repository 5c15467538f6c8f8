# solum/objects/sqlalchemy/models.py's two column types the revisions use, both TEXT (the real module imports
# oslo.db, oslo.config and the application); the yaml/json encoding of bound values is left out: no revision binds one
from sqlalchemy import types


class JSONEncodedDict(types.TypeDecorator):
    impl = types.TEXT
    cache_ok = True


class YAMLEncodedDict(types.TypeDecorator):
    impl = types.TEXT
    cache_ok = True
