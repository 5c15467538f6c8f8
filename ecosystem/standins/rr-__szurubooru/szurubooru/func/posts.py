"""szurubooru.func.posts: only reached for an uploaded file, of which the harness has none (raises when used)."""


def get_post_security_hash(post_id):
    raise RuntimeError("szurubooru stand-in: no uploaded post file")
