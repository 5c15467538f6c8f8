from . import sa_types
