"""Stand-in for Pillow (not installed for the harness); ade9ad0be1a5 opens uploaded images, of which there are none."""
