class BranchesLogic:
    """Only called on existing mock_chroot rows (none on a fresh database)."""

    @classmethod
    def get_or_create(cls, name, session=None):
        raise NotImplementedError("stand-in: no mock_chroot rows on a fresh database")
