"""Stand-in for flask: one revision imports `json` from it (flask.json wraps the standard library's)."""
import json
