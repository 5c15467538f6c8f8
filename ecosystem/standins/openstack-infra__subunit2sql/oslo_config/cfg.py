"""Stand-in for oslo_config.cfg: CONF with the options the revisions and subunit2sql.db.api read, at their defaults
(subunit2sql/migrations/cli.py registers disable_microsecond_data_migration with default False), and the option
classes the project registers at import.

CONF.database.connection is the URL of the connection the migration runs on: subunit2sql.db.api builds its
session from it."""


class _Opt:
    def __init__(self, name, *args, default=None, **kwargs):
        self.name, self.default = name, default


BoolOpt = StrOpt = IntOpt = ListOpt = MultiStrOpt = FloatOpt = _Opt


class _Database(dict):
    @property
    def connection(self):
        from alembic import op
        return op.get_bind().engine.url.render_as_string(hide_password=False)


class _Conf:
    def __init__(self):
        self.database = _Database()
        self.verbose = False
        self.disable_microsecond_data_migration = False

    def get(self, name, default=None):
        return getattr(self, name, default)

    def register_cli_opt(self, opt):
        if not hasattr(self, opt.name):
            setattr(self, opt.name, opt.default)

    def register_cli_opts(self, opts):
        for opt in opts:
            self.register_cli_opt(opt)

    register_opt = register_cli_opt
    register_opts = register_cli_opts


CONF = _Conf()
