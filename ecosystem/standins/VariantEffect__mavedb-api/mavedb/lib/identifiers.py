"""Stand-in for mavedb.lib.identifiers: ExternalPublication, the record revision 22e2d92d602e's fetchers build
(only for rows of publication_identifiers, which a chain walked from an empty database has none of)."""


class ExternalPublication:
    def __init__(self, identifier, db_name, external_publication):
        self.identifier = identifier
        self.db_name = db_name
        self.external_publication = external_publication
