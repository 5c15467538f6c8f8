def update_source_component_files(session, component=None):
    """Refreshes source_component_files from source_components, which an empty database has none of."""
