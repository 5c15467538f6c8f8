"""rich.progress.track: yields the items of the loop it wraps."""


def track(sequence, description="", total=None, **kwargs):
    yield from sequence
