"""argon2.low_level: Type and hash_secret_raw. The walk's tables hold no encrypted credential: a call means a row the
stand-in cannot handle."""
import enum


class Type(enum.IntEnum):
    D = 0
    I = 1  # noqa: E741
    ID = 2


def hash_secret_raw(secret, salt, time_cost, memory_cost, parallelism, hash_len, type, version=19):
    raise NotImplementedError("stand-in: argon2 on the walk")
