"""dci.db.migration_components: get_new_component_info parses a component's name; the walk's components table is
empty, so a call means a row the stand-in cannot parse."""


def get_new_component_info(component):
    raise NotImplementedError("stand-in: no component row on the walk")
