from __future__ import annotations
import os, sys as system
from . import models
from .. import base
from ...pkg.mod import (a as b,
                        c,  # trailing comment
                        )
from os.path import *

if os.environ.get("X"):
    pass
elif system.platform == "win32" and not False:
    x = 1
elif 1 < 2 <= 3 != 4:
    x = 2
else:
    x = 3

for i, (j, k) in enumerate([(1, 2)]):
    if i in (1, 2) or j not in [3] or k is not None or k is None:
        continue
    break
else:
    pass

while x := next(iter([0]), None):
    del x
else:
    x = 0

try:
    raise ValueError("bad") from None
except (ValueError, TypeError) as exc:
    raise
except Exception:
    assert False, "unreachable"
else:
    y = None
finally:
    z = None

try:
    pass
finally:
    pass

try:
    pass
except* OSError as group:
    pass

def outer():
    count = 0
    def inner():
        nonlocal count
        global GLOBAL_THING
        count += 1
        return count
    return inner

x: int = 5
y: "list[int]"
a = b = c = 1
a, *rest = [1, 2, 3]
a += 1; b -= 2; c *= 3
d = {**{"a": 1}, "b": 2}
s = {1, 2, *[3]}
t = 1,
u = ()
print("hello", end="")
print(*[1, 2], sep=", ", **{})
value = a if b else c
chained = 0 <= a < 10
neg = -a ** 2
bits = ~a & b | c ^ d << 1 >> 2
m = a @ b
fl = a // b % c
lam = lambda x, y=2, *args, z, **kw: x + y
lam2 = lambda: None
lam3 = lambda *, k: k
lam4 = lambda a, /, b: a
sl = s[1:2], s[::2], s[:], s[1:], s[a, b:c], s[...]
e = ...
nums = [1_000, 0x_FF, 0o17, 0b1010, 1e-5, .5, 5., 1j, 2.5J, 1E10, 0, 00]
() = []
[p, *q] = (r, s) = 1, 2, 3
with open("x") as (fh, [g, *h]): pass
f(a=1, *b, **k)
f(*a, *b, k=1, **c, **d)
obj.attr[0], obj.other = 1, 2
x.y += 1
z[0]: int = 1
(w): int = 2
del (a, b), [c]
