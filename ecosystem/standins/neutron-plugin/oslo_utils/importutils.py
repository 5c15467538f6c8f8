"""Stand-in for oslo_utils.importutils: import_module."""
import importlib


def import_module(import_str):
    return importlib.import_module(import_str)
