FakeChecker = ("__FAKE__", "__FAKE__")
UnknownChecker = ("UNKNOWN", "NOT FOUND")
