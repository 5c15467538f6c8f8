# The state names the revisions put in the node_state enum (ironic_inspector/introspection_state.py)
class States:
    aborting = "aborting"
    enrolling = "enrolling"
    error = "error"
    finished = "finished"
    processing = "processing"
    reapplying = "reapplying"
    starting = "starting"
    waiting = "waiting"

    @classmethod
    def all(cls):
        return [cls.starting, cls.waiting, cls.processing, cls.finished,
                cls.error, cls.reapplying, cls.enrolling, cls.aborting]
