"""Stand-in for eutils (NCBI E-utilities client): EutilsNCBIError and QueryService, which answers no article (the
harness never reaches the network; revision 22e2d92d602e calls it only for existing rows)."""


class EutilsNCBIError(Exception):
    pass


class QueryService:
    def __init__(self, api_key=None, **kw):
        self.api_key = api_key

    def efetch(self, args):
        return "<PubmedArticleSet></PubmedArticleSet>"
