"""Stand-in for altair.aes_urlsafe (pumbahk/altair altairlib/altair.aes_urlsafe/src/altair/aes_urlsafe/__init__.py).

Revision 3cd361e34c44 builds one AESURLSafe at import and encrypts the rows of a table; from an empty database there
are none. The stand-in never encrypts: a call raises, so a walk that reaches a row says so instead of writing a wrong
value."""


class AESURLSafe(object):
    def __init__(self, key=None):
        self.key = key

    def encrypt(self, s):
        raise NotImplementedError("stand-in: altair.aes_urlsafe does not encrypt")

    def decrypt(self, s):
        raise NotImplementedError("stand-in: altair.aes_urlsafe does not decrypt")
