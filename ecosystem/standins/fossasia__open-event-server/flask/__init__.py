"""Stand-in for the two flask names one revision imports and never uses."""
current_app = None
request = None
