class MainStatsTable:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("only reached for workloads an empty database lacks")
