"""Stand-in for oslo_config.cfg (oslo.config): the option classes and the CONF object that
cue/__init__.py registers its options on, and cfg.CONF.database.connection, which cue's revisions
read in their downgrade only."""


class Opt:
    def __init__(self, name, default=None, **kwargs):
        self.name = name.replace('-', '_')
        self.default = default


StrOpt = IntOpt = BoolOpt = ListOpt = PortOpt = FloatOpt = Opt


class _Group:
    connection = None


class ConfigOpts:
    def __init__(self):
        self.database = _Group()

    def register_opts(self, opts, group=None):
        for opt in opts:
            if group is None:
                setattr(self, opt.name, opt.default)

    def register_opt(self, opt, group=None):
        self.register_opts([opt], group)


CONF = ConfigOpts()
