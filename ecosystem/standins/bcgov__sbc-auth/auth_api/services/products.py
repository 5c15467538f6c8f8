"""Stand-in for auth_api.services.products.Product: called only inside loops over rows an empty database lacks."""


class Product:
    @staticmethod
    def create_subscription_from_bcol_profile(*args, **kwargs):
        raise RuntimeError("Product called: the stand-in holds no service")

    @staticmethod
    def update_org_product_keycloak_groups(*args, **kwargs):
        raise RuntimeError("Product called: the stand-in holds no service")
