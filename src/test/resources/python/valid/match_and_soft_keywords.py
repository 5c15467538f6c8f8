match = 1
match += 2
case = match
type = "t"
print(match, case, type)
match(x)
match[1]
_ = type(case)

match command.split():
    case [action]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case [first, *others]:
        pass
    case Point(x=0, y=0):
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case str() | bytes() as text if len(text) > 1:
        pass
    case -1 | 1.5 | 2+3j | "s" "t" | None | True | False:
        pass
    case Color.RED:
        pass
    case (a, b):
        pass
    case _:
        pass

match x, y:
    case 1, 2:
        pass

type Alias = list[int]
type Generic[T] = dict[str, T]

def generic[T, *Ts, **P](x: T) -> T:
    return x

class Box[T: int]:
    pass
