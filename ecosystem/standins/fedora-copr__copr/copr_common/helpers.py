def chroot_to_branch(chroot):
    """Only called on existing mock_chroot rows (none on a fresh database)."""
    raise NotImplementedError("stand-in: no mock_chroot rows on a fresh database")
