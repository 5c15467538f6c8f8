# Stand-in for storyboard.db.api: an empty package marker.
