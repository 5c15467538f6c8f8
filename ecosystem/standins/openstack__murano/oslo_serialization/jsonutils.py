# oslo.serialization's jsonutils as the revisions use it: loads/dumps of plain JSON
from json import dumps, loads  # noqa: F401
