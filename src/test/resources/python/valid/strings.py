a = r'raw\n' R"RAW\d" u'unicode' U"U"
b = b'bytes\x00' B"B" br'\d' Rb'\d' bR"x" RB'y'
c = f'format {a}' F"F{b!r}" fr'{a}\d' Rf"{b}" rF'x' FR"y"
d = '''triple
single'''
e = """triple "double" with 'quotes'
and \"escapes\"\n\ttab"""
f = f"nested {'inner'} quotes {"same" if True else ''} {x!r:>10} {{escaped}} {y=}"
g = f"""multi {
    a + b
} line"""
h = 'implicit' "concat" \
    'with continuation'
i = "escapes: \\ \' \" \x41 \u00e9 \U0001F600 \N{BULLET} \101 \z"
j = f"{a:{width}.{precision}}"
k = f'{x:%Y-%m-%d}' f"{'a' 'b'}"
l = "line\
continued"
m = ''
n = f''
o = f"{f'{1}'}"
p = f"{','.join(x for x in 'abc')}"
q = rb"\x"
r = f"{d['key']}"
s = f"{a!s}" f"{a!a}" f"{a = }" f"{a == b}" f"{a != b}" f"{(lambda: 1)()}"
t = f"{x:{'>'}10}"
u = f"\N{BULLET} {x} \{y}"
v = f"""{
    a  # comment in a 3.12 field: } and : are fine here
}"""
w = f"{'\n'.join(items)}"
x = f'{f'{f'{1}'}'}'
y = "emoji \U0001F600 and 😀 astral", 'café'
z = f"{x}}}{{{y}"
