import sqlalchemy as sa


class ChoiceType(sa.types.TypeDecorator):
    impl = sa.Unicode(255)
    cache_ok = True

    def __init__(self, choices, impl=None):
        self.choices = choices
        super().__init__()
        if impl is not None:
            self.impl = impl

    def process_bind_param(self, value, dialect):
        return getattr(value, "code", value)
