from . import entities, types
