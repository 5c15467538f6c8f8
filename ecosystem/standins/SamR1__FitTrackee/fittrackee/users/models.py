SEGMENTS_CREATION_EVENTS = ["all", "none", "only_manual"]
