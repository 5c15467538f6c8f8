class Task:
    """celery's result model; only built for Redis keys, and the stand-in Redis has none."""

    def __init__(self, task_id):
        self.task_id = task_id
