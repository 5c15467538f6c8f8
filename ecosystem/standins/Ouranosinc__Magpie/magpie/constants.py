"""magpie.constants.get_constant reduced to the defaults of the names the revisions read (magpie/constants.py at
9a35799db2, no environment overrides)."""
_DEFAULTS = {
    "MAGPIE_ADMIN_GROUP": "administrators",
    "MAGPIE_USERS_GROUP": "users",
    "MAGPIE_ANONYMOUS_USER": "anonymous",
    "MAGPIE_ANONYMOUS_GROUP": "anonymous",
}


def get_constant(name, *args, **kwargs):
    return _DEFAULTS[name]
