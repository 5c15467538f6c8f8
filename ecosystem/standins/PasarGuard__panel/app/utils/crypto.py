def generate_wireguard_keypair(*args, **kwargs):
    raise NotImplementedError("stand-in: WireGuard key generation is not given")


def get_wireguard_public_key(*args, **kwargs):
    raise NotImplementedError("stand-in: WireGuard key generation is not given")
