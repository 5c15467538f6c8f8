-- The schema JupyterHub's Alembic chain starts from. Its first revision (19c0846f6344, "base revision for 0.5")
-- only stamps the tables JupyterHub 0.5's `Base.metadata.create_all` made, and JupyterHub calls create_all again
-- on every start after `upgrade`, so the tables a later release added (0.8's services, spawners and OAuth tables)
-- are there before the revisions that alter them: 833da8570507 alters services and spawners without asking.
-- Here: the tables of jupyterhub/orm.py at tag 0.5.0 (servers, proxies, hubs, users, api_tokens), and those of
-- tag 0.8.0 that the chain reads or alters (services, spawners, oauth_clients, oauth_codes, oauth_access_tokens)
-- in 0.8.0's shape, as SQLAlchemy 1.4 compiles their create_all for PostgreSQL: no naming convention then, so
-- PostgreSQL names the keys (users_pkey, oauth_clients_identifier_key ...). Column defaults were Python-side.
-- The revisions' inspector tests (`if 'spawners' in tables`) take their upgrade branch on it.

CREATE TYPE granttype AS ENUM ('authorization_code', 'implicit', 'password', 'client_credentials', 'refresh_token');

CREATE TABLE oauth_clients (
    id SERIAL NOT NULL,
    identifier VARCHAR(255),
    secret VARCHAR(255),
    redirect_uri VARCHAR(1023),
    PRIMARY KEY (id),
    UNIQUE (identifier)
);

CREATE TABLE servers (
    id SERIAL NOT NULL,
    proto VARCHAR(15),
    ip VARCHAR(255),
    port INTEGER,
    base_url VARCHAR(255),
    cookie_name VARCHAR(255),
    PRIMARY KEY (id)
);

CREATE TABLE hubs (
    id SERIAL NOT NULL,
    _server_id INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY(_server_id) REFERENCES servers (id)
);

CREATE TABLE proxies (
    id SERIAL NOT NULL,
    _public_server_id INTEGER,
    _api_server_id INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY(_public_server_id) REFERENCES servers (id),
    FOREIGN KEY(_api_server_id) REFERENCES servers (id)
);

CREATE TABLE services (
    id SERIAL NOT NULL,
    name VARCHAR(255),
    admin BOOLEAN,
    _server_id INTEGER,
    pid INTEGER,
    PRIMARY KEY (id),
    UNIQUE (name),
    FOREIGN KEY(_server_id) REFERENCES servers (id) ON DELETE SET NULL
);

CREATE TABLE users (
    id SERIAL NOT NULL,
    name VARCHAR(1023),
    _server_id INTEGER,
    admin BOOLEAN,
    last_activity TIMESTAMP WITHOUT TIME ZONE,
    cookie_id VARCHAR(1023),
    state TEXT,
    PRIMARY KEY (id),
    FOREIGN KEY(_server_id) REFERENCES servers (id)
);

CREATE TABLE api_tokens (
    user_id INTEGER,
    id SERIAL NOT NULL,
    hashed VARCHAR(1023),
    prefix VARCHAR(1023),
    PRIMARY KEY (id),
    FOREIGN KEY(user_id) REFERENCES users (id)
);

CREATE TABLE oauth_access_tokens (
    id SERIAL NOT NULL,
    client_id VARCHAR(255),
    grant_type granttype NOT NULL,
    expires_at INTEGER,
    refresh_token VARCHAR(255),
    refresh_expires_at INTEGER,
    user_id INTEGER,
    hashed VARCHAR(255),
    prefix VARCHAR(16),
    PRIMARY KEY (id),
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE,
    UNIQUE (hashed)
);

CREATE INDEX ix_oauth_access_tokens_prefix ON oauth_access_tokens (prefix);

CREATE TABLE oauth_codes (
    id SERIAL NOT NULL,
    client_id VARCHAR(255),
    code VARCHAR(36),
    expires_at INTEGER,
    redirect_uri VARCHAR(1023),
    user_id INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE spawners (
    id SERIAL NOT NULL,
    user_id INTEGER,
    server_id INTEGER,
    state TEXT,
    name VARCHAR(255),
    last_activity TIMESTAMP WITHOUT TIME ZONE,
    PRIMARY KEY (id),
    FOREIGN KEY(user_id) REFERENCES users (id) ON DELETE CASCADE,
    FOREIGN KEY(server_id) REFERENCES servers (id) ON DELETE SET NULL
);
