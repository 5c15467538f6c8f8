"""Stand-in for keystone.conf: the one option the initial revision reads, at its default."""
import types

CONF = types.SimpleNamespace(saml=types.SimpleNamespace(relay_state_prefix='ss:mem:'))
