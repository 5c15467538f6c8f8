"""optuna.distributions' classes and their JSON form ({"name": class, "attributes": {...}})."""
import json


class BaseDistribution:
    def __init__(self, **attributes):
        self.__dict__.update(attributes)

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash((type(self).__name__, tuple(sorted(self.__dict__.items()))))


class FloatDistribution(BaseDistribution):
    def __init__(self, low, high, log=False, step=None):
        super().__init__(low=low, high=high, log=log, step=step)


class IntDistribution(BaseDistribution):
    def __init__(self, low, high, log=False, step=1):
        super().__init__(low=low, high=high, log=log, step=step)


class UniformDistribution(BaseDistribution):
    def __init__(self, low, high):
        super().__init__(low=low, high=high)


class LogUniformDistribution(BaseDistribution):
    def __init__(self, low, high):
        super().__init__(low=low, high=high)


class DiscreteUniformDistribution(BaseDistribution):
    def __init__(self, low, high, q):
        super().__init__(low=low, high=high, q=q)


class IntUniformDistribution(BaseDistribution):
    def __init__(self, low, high, step=1):
        super().__init__(low=low, high=high, step=step)


class IntLogUniformDistribution(BaseDistribution):
    def __init__(self, low, high, step=1):
        super().__init__(low=low, high=high, step=step)


class CategoricalDistribution(BaseDistribution):
    def __init__(self, choices):
        super().__init__(choices=tuple(choices))


_CLASSES = {c.__name__: c for c in (FloatDistribution, IntDistribution, UniformDistribution, LogUniformDistribution,
                                     DiscreteUniformDistribution, IntUniformDistribution, IntLogUniformDistribution,
                                     CategoricalDistribution)}


def distribution_to_json(dist):
    return json.dumps({"name": type(dist).__name__, "attributes": dict(dist.__dict__)})


def json_to_distribution(json_str):
    loaded = json.loads(json_str)
    return _CLASSES[loaded["name"]](**loaded["attributes"])


def _convert_old_distribution_to_new_distribution(distribution, suppress_warning=False):
    a = distribution.__dict__
    if isinstance(distribution, UniformDistribution):
        return FloatDistribution(a["low"], a["high"])
    if isinstance(distribution, LogUniformDistribution):
        return FloatDistribution(a["low"], a["high"], log=True)
    if isinstance(distribution, DiscreteUniformDistribution):
        return FloatDistribution(a["low"], a["high"], step=a["q"])
    if isinstance(distribution, IntUniformDistribution):
        return IntDistribution(a["low"], a["high"], step=a["step"])
    if isinstance(distribution, IntLogUniformDistribution):
        return IntDistribution(a["low"], a["high"], log=True, step=a["step"])
    return distribution
