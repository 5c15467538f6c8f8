"""Stand-in for vmware_nsx.common.config, which the revisions import for its side effect: it registers the `nsxv`
option group, whose `resource_pool_id` (no default) a revision reads. oslo_config.cfg here holds that group."""
from oslo_config import cfg  # noqa: F401
