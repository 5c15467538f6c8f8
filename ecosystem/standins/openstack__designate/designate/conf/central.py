# designate.conf.central.register_opts: the options' defaults are what oslo_config's CONF stand-in returns
def register_opts(conf):
    pass
