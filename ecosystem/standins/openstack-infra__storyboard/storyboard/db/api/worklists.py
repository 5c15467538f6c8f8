"""Stand-in for storyboard.db.api.worklists: get_all and create_permission, which revision 050 calls."""
from sqlalchemy import text


def get_all(session=None, **kwargs):
    return session.execute(text("SELECT id, creator_id FROM worklists")).fetchall()


def create_permission(entity_id, permission_dict, session=None):
    """The permission row, the worklists row's link to it and its users' links, as storyboard's API writes them."""
    result = session.execute(text("INSERT INTO permissions (name, codename) VALUES (:name, :codename)"),
                             {"name": permission_dict["name"], "codename": permission_dict["codename"]})
    permission_id = result.lastrowid
    session.execute(text("INSERT INTO worklist_permissions (worklist_id, permission_id) VALUES (:e, :p)"),
                    {"e": entity_id, "p": permission_id})
    for user_id in permission_dict.get("users", []):
        session.execute(text("INSERT INTO user_permissions (user_id, permission_id) VALUES (:u, :p)"),
                        {"u": user_id, "p": permission_id})
    return permission_id
