from . import models, models_base
