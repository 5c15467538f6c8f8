from sqlalchemy import types


class ColorType(types.TypeDecorator):
    impl = types.Unicode(20)
    cache_ok = True

    def __init__(self, max_length=20, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.impl = types.Unicode(max_length)
