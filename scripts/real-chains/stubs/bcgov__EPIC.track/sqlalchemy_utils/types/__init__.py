from . import url
