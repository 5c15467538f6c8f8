"""dci reduced to the modules its revisions import (dci-control-server at 142a629d58)."""
