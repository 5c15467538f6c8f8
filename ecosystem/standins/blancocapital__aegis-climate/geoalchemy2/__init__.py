"""Stand-in for geoalchemy2, as aegis-climate's revisions use it: `from geoalchemy2 import Geometry`, PostGIS's
geometry type rendered as geoalchemy2 renders it (geometry(TYPE,SRID)). Creating such a column needs PostGIS on the
server; the stand-in only lets the chain load."""
from sqlalchemy.types import UserDefinedType


class Geometry(UserDefinedType):
    cache_ok = True

    def __init__(self, geometry_type="GEOMETRY", srid=-1, spatial_index=True, **kw):
        self.geometry_type = geometry_type
        self.srid = srid
        self.spatial_index = spatial_index

    def get_col_spec(self, **kw):
        if self.srid is None or self.srid < 0:
            return "geometry(%s)" % self.geometry_type
        return "geometry(%s,%d)" % (self.geometry_type, self.srid)
