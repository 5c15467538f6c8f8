"""Follows backend/handler/metadata/base_handler.py at 57badfd626: UniversalPlatformSlug, a str enum of platform slugs.
Here any member name is accepted (`UPS.ATARI2600`) and its value is the name in lower case with `-` for `_`: 0046
maps old slugs to members and rewrites rows of the platforms table, which holds no rows in the walk, so the values
change nothing the walk compares."""


class _Slug(str):
    @property
    def value(self):
        return str(self)


class _Members(type):
    def __getattr__(cls, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Slug(name.lower().strip("_").replace("_", "-"))


class UniversalPlatformSlug(metaclass=_Members):
    def __new__(cls, value):
        return _Slug(value)
