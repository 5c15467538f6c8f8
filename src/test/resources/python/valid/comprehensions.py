squares = [x * x for x in range(10) if x % 2 if x > 1]
pairs = [(a, b) for a in range(3) for b in range(a)]
unique = {x for x in "abc"}
mapping = {k: v for k, v in zip("ab", [1, 2]) if v}
gen = (x for x in [1])
total = sum(x for x in range(10))
total2 = sum((x for x in range(10)), start=0)
nested = [[y for y in row] for row in [[1], [2]]]
walrus = [y for x in [1] if (y := x * 2)]
async def fetch():
    return [x async for x in aiter()]
