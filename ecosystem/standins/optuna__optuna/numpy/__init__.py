"""The part of numpy two revisions use on scalar values (finfo(float).max, isclose, isnan, isposinf, isneginf,
float32);
numpy is not installed for the harness's Python."""
import math
import sys

float = float  # noqa: A001  numpy's np.float alias (removed in numpy 1.24)


class float32:
    pass


class finfo:
    def __init__(self, dtype):
        if dtype is float32:
            self.max, self.min = 3.4028235e38, -3.4028235e38
            self.eps, self.tiny = 1.1920929e-07, 1.1754944e-38
            return
        self.max = sys.float_info.max
        self.min = -sys.float_info.max
        self.eps = sys.float_info.epsilon
        self.tiny = sys.float_info.min


def isclose(a, b, rtol=1e-05, atol=1e-08):
    return abs(a - b) <= atol + rtol * abs(b)


def isnan(x):
    return math.isnan(x)


def isposinf(x):
    return x == math.inf


def isneginf(x):
    return x == -math.inf
