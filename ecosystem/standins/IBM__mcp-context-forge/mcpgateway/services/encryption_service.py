"""mcpgateway.services.encryption_service reduced to get_encryption_service. The walk's tables hold no credential to
encrypt: a call of the service's methods means a row the stand-in cannot handle."""


class EncryptionService:
    def __init__(self, encryption_secret):
        self.encryption_secret = encryption_secret

    def __getattr__(self, name):
        raise NotImplementedError(f"stand-in: EncryptionService.{name} on the walk")


def get_encryption_service(encryption_secret):
    return EncryptionService(encryption_secret)
