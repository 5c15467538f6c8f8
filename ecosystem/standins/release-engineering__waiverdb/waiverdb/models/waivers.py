def subject_dict_to_type_identifier(subject): raise NotImplementedError("stand-in: only called on existing rows")
def subject_type_identifier_to_dict(t, i): raise NotImplementedError("stand-in: only called on existing rows")
