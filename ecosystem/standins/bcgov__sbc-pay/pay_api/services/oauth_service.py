"""Stand-in for pay_api.services.oauth_service.OAuthService: the revisions call it only for existing rows, which
an empty database does not hold; a call would mean the walk reached data it lacks."""


class OAuthService:
    @staticmethod
    def post(*args, **kwargs):
        raise RuntimeError("OAuthService called: the stand-in makes no HTTP call")

    @staticmethod
    def get(*args, **kwargs):
        raise RuntimeError("OAuthService called: the stand-in makes no HTTP call")
