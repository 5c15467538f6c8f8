"""zam_repondeur's get_dossiers_legislatifs_and_textes downloads the Assemblee nationale's open data; the walk has no
network, so it answers no dossier and no texte (72b5668e320f then inserts no rows; its lectures table is empty)."""


def get_dossiers_legislatifs_and_textes(*legislatures):
    return {}, {}
