"""flask.current_app, the one name of Flask the revisions import: an application whose config is empty, rooted at
OpenOversight/app as the real one is."""
import os


class _App:
    config = {}
    root_path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "OpenOversight", "app")


current_app = _App()
