# oslo.db's JsonEncodedDict: a TypeDecorator over Text (LONGTEXT on MySQL with mysql_as_long)
from sqlalchemy.types import TypeDecorator, Text
class JsonEncodedDict(TypeDecorator):
    impl = Text
    cache_ok = True
    def __init__(self, mysql_as_long=False, mysql_as_medium=False):
        super().__init__()
