-- Vault tokens for machines and short-lived personal access. Only the SHA-256 of a token is stored. Owners are
-- user names (immutable in Gantry). A child names its parent; revoking a parent revokes every descendant.
create table secret_token (
    id             uuid                     not null primary key,
    -- SHA-256 of the whole token value (hex); the value itself is never stored.
    token_hash     varchar(64)              not null,
    owner          varchar(100)             not null,
    name           varchar(80)              not null,
    kind           varchar(16)              not null,
    -- Policy names separated by single spaces.
    policies       varchar(2000)            not null,
    parent_id      uuid,
    renewable      boolean                  not null,
    -- What a renewal without an explicit increment adds, from the time of renewal.
    ttl_seconds    bigint                   not null,
    created_at     timestamp with time zone not null,
    created_by     varchar(255)             not null,
    expires_at     timestamp with time zone not null,
    max_expires_at timestamp with time zone not null,
    revoked_at     timestamp with time zone,
    revoked_by     varchar(255),
    revoke_reason  varchar(100),
    constraint uq_secret_token_hash unique (token_hash),
    constraint ck_secret_token_kind check (kind in ('MACHINE', 'TEMPORARY')),
    constraint ck_secret_token_lifetime check (expires_at <= max_expires_at)
);

create index ix_secret_token_parent on secret_token (parent_id);
create index ix_secret_token_owner on secret_token (owner, created_at);
