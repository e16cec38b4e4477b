-- TOTP enrolments, their recovery codes, and API tokens. Users are referenced by username (immutable in Gantry),
-- not by a foreign key, so these tables stand on their own.

create table access_mfa (
    username          varchar(100)             not null,
    status            varchar(16)              not null,
    -- AES-256-GCM of the TOTP secret under the key in the key directory, username as associated data (base64).
    secret_ciphertext varchar(200)             not null,
    -- Highest time step whose code was accepted: only a later step is accepted next (no replay).
    last_used_step    bigint                   not null,
    created_at        timestamp with time zone not null,
    activated_at      timestamp with time zone,
    constraint pk_access_mfa primary key (username),
    constraint ck_access_mfa_status check (status in ('PENDING', 'ACTIVE'))
);

create table access_recovery_code (
    id         uuid                     not null,
    username   varchar(100)             not null,
    -- Keyed HMAC-SHA256 of the normalised code (hex), never the code.
    code_hash  varchar(64)              not null,
    created_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    constraint pk_access_recovery_code primary key (id),
    constraint uq_access_recovery_code unique (username, code_hash)
);

create table access_api_token (
    id             uuid                     not null,
    owner          varchar(100)             not null,
    name           varchar(80)              not null,
    -- SHA-256 of the whole token value (hex); the value itself is never stored.
    token_hash     varchar(64)              not null,
    display_prefix varchar(8)               not null,
    -- Wire names separated by single spaces, e.g. 'audit:read catalog:read'.
    scopes         varchar(1000)            not null,
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    last_used_at   timestamp with time zone,
    revoked_at     timestamp with time zone,
    revoked_by     varchar(255),
    constraint pk_access_api_token primary key (id),
    constraint uq_access_api_token_hash unique (token_hash)
);

create index ix_access_api_token_owner on access_api_token (owner, created_at);
