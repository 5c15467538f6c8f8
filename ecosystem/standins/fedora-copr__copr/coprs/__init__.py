# Stand-in for copr's frontend package: the revisions use coprs.helpers.JSONEncodedDict as a column type.
from coprs import helpers  # noqa: F401
