"""Stand-in for oslo_utils.uuidutils: generate_uuid, which a revision calls for the id of the row it seeds."""
import uuid


def generate_uuid(dashed=True):
    return str(uuid.uuid4()) if dashed else uuid.uuid4().hex
