# c6250555a36c names github.installation.Installation in a class annotation (evaluated at import).
import types

installation = types.SimpleNamespace(Installation=object)
