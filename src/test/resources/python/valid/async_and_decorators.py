import functools
import contextlib


@functools.lru_cache(maxsize=None)
@contextlib.contextmanager
def cached(a, b=1, *args, c, d: int = 2, **kwargs) -> "Iterator[int]":
    yield a
    yield from [b]
    x = yield
    return


@decorators[0].attr
@(lambda f: f)
def weird(): ...


class Base(object, metaclass=type):
    """Docstring."""
    attr: int = 0

    @property
    def value(self):
        return self.attr

    @staticmethod
    async def run(*, key):
        async with lock() as l, other():
            await l.acquire()
        async for item in stream():
            print(item)
        result = await some.call(key)
        return await result


@dataclass
class Empty: pass


def posonly(a, b, /, c, *, d):
    return a


def star_ann(*args: int, **kw: str): pass

class A(B, *mixins, **kwargs):
    pass
