"""Stand-in for oslo_config.cfg: CONF with the one option a revision reads, `CONF.nsxv.resource_pool_id`, at the
default vmware_nsx.common.config registers for it (none)."""
import types

CONF = types.SimpleNamespace(nsxv=types.SimpleNamespace(resource_pool_id=None))
