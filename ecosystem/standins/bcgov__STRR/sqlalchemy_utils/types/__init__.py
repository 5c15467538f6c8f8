from . import ts_vector
