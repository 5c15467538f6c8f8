# Stand-in for storyboard.db: an empty package marker.
