class TaskStatus:
    INIT = "init"
    RUNNING = "running"


class SubtaskStatus:
    INIT = "init"
    RUNNING = "running"
