import uuid


def UUID():
    return str(uuid.uuid4())
