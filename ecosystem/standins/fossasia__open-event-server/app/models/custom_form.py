def assign_field_names(session):
    """The project's helper runs one UPDATE custom_forms ... WHERE form = ... AND field_identifier = ... per known
    field; this runs one of that shape, which changes the same rows on an empty table: none."""
    session.execute("UPDATE custom_forms SET name = name WHERE form = '' AND field_identifier = ''")
