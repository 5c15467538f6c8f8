def get_context():
    raise NotImplementedError("only reached for products an empty database lacks")
