# oslo.log's getLogger: a standard library logger (what the revisions log goes nowhere that matters here)
from logging import getLogger  # noqa: F401
