"""Follows sqlalchemy_utils.types.choice: ChoiceType(choices, impl=None), stored as its impl (Unicode(255) by default)."""
import sqlalchemy as sa


class ChoiceType(sa.types.TypeDecorator):
    impl = sa.Unicode(255)
    cache_ok = True

    def __init__(self, choices, impl=None):
        self.choices = choices
        if impl is not None:
            self.impl = impl
        super().__init__()
