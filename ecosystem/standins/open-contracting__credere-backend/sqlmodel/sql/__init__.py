from . import sqltypes
