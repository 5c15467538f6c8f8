class SpellException(Exception):
    pass


class SourceCodeCommentHandler:
    pass
