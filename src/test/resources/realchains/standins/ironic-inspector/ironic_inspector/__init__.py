# An empty package over the real one (extend_path adds the real package's directory from PYTHONPATH): only
# introspection_state is a stand-in, since the real one builds its state machine with automaton.
from pkgutil import extend_path

__path__ = extend_path(__path__, __name__)
