# designate/utils.py's two helpers the revisions use (the real module imports jinja2 and oslo.*)
import uuid


def generate_uuid():
    return str(uuid.uuid4())


def split_host_port(string, default_port=53):
    try:
        (host, port) = string.split(':', 1)
        port = int(port)
    except ValueError:
        host = str(string)
        port = default_port
    return (host, port)
