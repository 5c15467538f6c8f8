class DowngradeNotSupported(Exception):
    pass


class InvalidTaskException(Exception):
    pass
