# oslo.db's ModelBase, as far as the models the revisions import use it: a mixin of helper methods that adds
# no column, constraint or table argument, so a plain class stands in for it.
class ModelBase(object):
    pass
