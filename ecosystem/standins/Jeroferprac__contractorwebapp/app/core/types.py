"""Stand-in for `app.core.types` of Jeroferprac/contractorwebapp: `HttpUrlType`, a TypeDecorator over String(2083) in
the project (its pydantic HttpUrl conversions are left out: the revisions only name the type in alter_column)."""
from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class HttpUrlType(TypeDecorator):
    impl = String(2083)
    cache_ok = True
