"""Stand-in for mula's scheduler package, as far as the revisions of mula/scheduler/storage/migrations import it
(`import scheduler`, then scheduler.utils.datastore.GUID): the subpackages are imported here so that the attribute
path resolves, as the project's env.py does by importing scheduler.models."""
from . import utils  # noqa: F401
