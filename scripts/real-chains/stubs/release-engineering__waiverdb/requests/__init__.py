class HTTPError(Exception): pass
