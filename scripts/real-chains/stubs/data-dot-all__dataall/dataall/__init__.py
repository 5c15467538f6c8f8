"""Stand-in for data.all's application package. dataall.base.db is written out (the helpers the
revisions call on the migration's own connection); every other dataall.* module the revisions import
(permission services, repositories, ORM models, enums) is a placeholder whose names fail when used, so
a revision that needs the application's code fails its first run and ends the chain there, instead of
doing less than the real code would."""
import importlib.abc
import importlib.machinery
import sys
import types


class _Needed:
    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _Needed(f"{self._name}.{attr}")

    def __call__(self, *args, **kwargs):
        raise RuntimeError(f"dataall stand-in: {self._name} needs the application")

    def __iter__(self):
        raise RuntimeError(f"dataall stand-in: {self._name} needs the application")


class _Placeholder(types.ModuleType):
    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return _Needed(f"{self.__name__}.{attr}")


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        if fullname.startswith("dataall."):
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        return None

    def create_module(self, spec):
        module = _Placeholder(spec.name)
        module.__path__ = []
        return module

    def exec_module(self, module):
        pass


sys.meta_path.append(_Finder())
