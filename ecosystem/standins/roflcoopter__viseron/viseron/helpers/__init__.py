"""viseron.helpers.create_directory, imported by revision 7b1f82f2ec39 (which moves clip files on disk)."""
import os


def create_directory(path):
    os.makedirs(path, exist_ok=True)
