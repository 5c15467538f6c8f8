"""Stand-in package for labonneboite: the modules its revisions 66af73e521cb and c519ecaf1fa6 import (the project's own
package configures logging to /app/logs and builds the Flask app at import)."""
