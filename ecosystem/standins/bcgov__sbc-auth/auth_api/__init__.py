"""Stand-ins for the auth_api modules sbc-auth's revisions import (names only; see each module)."""
