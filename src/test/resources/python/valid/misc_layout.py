# only comments at the top

x = (1 +
     2)  # comment

y = [
    1,
    # comment line inside brackets
    2,
]
if x:
	# tab-indented block
	z = 1
	if z:
	        w = 2   # tab then spaces

def f(): return 1
class C: x = 1; y = 2
if x: pass
else: pass
with open("a") as fa, open("b") as fb: pass
with (open("a") as fa, open("b") as fb):
    pass
with (
    open("a") as fa,
    open("b"),
):
    pass
with (a, b):
    pass
with (yield_) as q:
    pass
for x in *a, *b:
    pass
def g():
    return *a, *b
assert x
del a[0], b.c
raise
def continued_indentation():
    x = 1
    \
y = x
    return y
