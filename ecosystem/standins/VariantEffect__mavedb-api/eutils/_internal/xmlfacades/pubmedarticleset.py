"""Stand-in for eutils._internal.xmlfacades.pubmedarticleset.PubmedArticleSet: an empty article set."""


class PubmedArticleSet:
    def __init__(self, xml):
        self.xml = xml

    def __iter__(self):
        return iter(())
