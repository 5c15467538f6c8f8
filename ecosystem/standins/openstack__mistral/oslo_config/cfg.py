"""Stand-in for oslo_config.cfg: CONF with the one option mistral's revisions read, at mistral's default."""
import types

CONF = types.SimpleNamespace(action_heartbeat=types.SimpleNamespace(first_heartbeat_timeout=3600))
