class Config:
    FROM_NUMBER = None


class Development(Config):
    FROM_NUMBER = "development"


class Test(Config):
    FROM_NUMBER = "testing"


configs = {"development": Development, "test": Test}
