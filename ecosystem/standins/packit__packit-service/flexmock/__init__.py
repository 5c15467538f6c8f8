# d90948124e46 uses flexmock to give sqlalchemy.testing.config a `requirements` object whose
# foreign_key_ddl is enabled, so sqlalchemy.testing.schema.Column keeps its ForeignKey arguments.
# flexmock(obj).should_receive(attr).and_return(value) on a plain attribute assigns value.


class _Fake:
    def __init__(self, **attrs):
        self.__dict__.update(attrs)


class _Expectation:
    def __init__(self, target, name):
        self.target, self.name = target, name

    def and_return(self, value):
        setattr(self.target, self.name, value)
        return self


class _Mocked:
    def __init__(self, target):
        self.target = target

    def should_receive(self, name):
        return _Expectation(self.target, name)


def flexmock(target=None, **attrs):
    return _Fake(**attrs) if target is None else _Mocked(target)
