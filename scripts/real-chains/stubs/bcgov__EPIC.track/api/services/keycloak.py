"""Stand-in for api.services.keycloak.KeycloakService: called for each staff user row, which an empty database does
not hold; a call would mean the walk reached data it lacks."""


class KeycloakService:
    @staticmethod
    def get_user_by_email(*args, **kwargs):
        raise RuntimeError("KeycloakService called: the stand-in makes no HTTP call")
