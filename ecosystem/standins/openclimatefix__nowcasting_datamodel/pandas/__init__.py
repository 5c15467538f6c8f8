"""Stand-in for the part of pandas the revisions use, on the empty tables of a chain run from an empty
database: read_sql of a table with no rows gives an empty frame, and every operation on it stays empty.
A query that returns rows is refused, since this stand-in cannot compute what pandas would."""
import datetime


class _Empty:
    def __getitem__(self, key):
        return _Empty()

    def __setitem__(self, key, value):
        pass

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return lambda *a, **k: _Empty()

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __eq__(self, other):
        return _Empty()

    __ne__ = __and__ = __or__ = __sub__ = __truediv__ = __eq__
    __hash__ = object.__hash__

    def to_sql(self, *args, **kwargs):
        pass

    def unique(self):
        return []

    def to_dict(self, *args, **kwargs):
        return []


DataFrame = lambda *a, **k: _Empty()


def read_sql(sql, con, *args, **kwargs):
    rows = con.execute(sql).fetchall() if isinstance(sql, str) else con.execute(sql).fetchall()
    if rows:
        raise RuntimeError("pandas stand-in: the table has rows")
    return _Empty()


read_sql_query = read_sql


def to_datetime(value, *args, **kwargs):
    return value


class DateOffset:
    def __init__(self, months=0):
        self.months = months

    def __radd__(self, when):
        month = when.month - 1 + self.months
        return when.replace(year=when.year + month // 12, month=month % 12 + 1, day=1)


def date_range(start, end, freq="MS"):
    if freq != "MS":
        raise NotImplementedError(freq)
    when = datetime.datetime.fromisoformat(start).replace(day=1)
    stop = datetime.datetime.fromisoformat(end)
    out = []
    while when <= stop:
        out.append(when)
        when = when + DateOffset(months=1)
    return out
