"""Stand-in for hushline: only what its revisions import (6e53eac9ea14 reads SMTPEncryption)."""
