"""Stand-in for flask_sqlalchemy: the SQLAlchemy name that revision 32e2976dcda0 imports and never uses."""


class SQLAlchemy:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
