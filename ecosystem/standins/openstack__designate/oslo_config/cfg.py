# oslo.config's CONF as the liberty revision reads it: the defaults of designate.conf.central's
# default_pool_id and designate.conf.base's default_ttl
from types import SimpleNamespace


class _Conf(SimpleNamespace):
    def __getitem__(self, group):
        return getattr(self, group.replace(":", "_"))


CONF = _Conf(default_ttl=3600, service_central=SimpleNamespace(default_pool_id="794ccc2c-d751-44fe-b57f-8894c9f5c842"))
