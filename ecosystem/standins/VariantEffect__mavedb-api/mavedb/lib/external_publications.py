"""Stand-in for mavedb.lib.external_publications: Rxiv, the bioRxiv/medRxiv client. It answers no article: the
harness never reaches the network (revision 22e2d92d602e calls it only for existing rows)."""


class Rxiv:
    def __init__(self, url, server):
        self.url = url
        self.server = server

    def content_detail(self, identifier):
        return []
