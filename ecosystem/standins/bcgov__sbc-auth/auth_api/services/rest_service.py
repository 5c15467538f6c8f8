"""Stand-in for auth_api.services.rest_service.RestService: the revisions call it only inside loops over
organisation rows, which an empty database does not hold; a call would mean the walk reached data it lacks."""


class RestService:
    @staticmethod
    def get_service_account_token():
        raise RuntimeError("RestService called: the stand-in makes no HTTP call")

    @staticmethod
    def get(*args, **kwargs):
        raise RuntimeError("RestService called: the stand-in makes no HTTP call")
