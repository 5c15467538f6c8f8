"""progressbar.widgets: the widget classes lastuser's revisions pass to ProgressBar."""


class _Widget:
    def __init__(self, *args, **kwargs):
        pass


class Percentage(_Widget):
    pass


class Bar(_Widget):
    pass


class ETA(_Widget):
    pass
