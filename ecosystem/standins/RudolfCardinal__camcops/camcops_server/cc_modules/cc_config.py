"""Stand-in for CamCOPS `camcops_server/cc_modules/cc_config.py`: revision 0013 imports
`get_default_config_from_os_env` and never calls it; the stand-in refuses to run rather than invent a configuration."""


def get_default_config_from_os_env():
    raise NotImplementedError("stand-in: CamCOPS reads its configuration file here")
