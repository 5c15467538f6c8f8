from . import arrow
