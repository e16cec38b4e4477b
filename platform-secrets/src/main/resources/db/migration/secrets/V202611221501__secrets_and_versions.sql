-- Versioned key/value secrets. Values exist only as ciphertext; a destroyed version keeps its row without them.
create table secret_metadata (
    id              uuid                     not null primary key,
    path            varchar(300)             not null,
    owner_team      varchar(64)              not null,
    description     varchar(500)             not null,
    max_versions    integer                  not null,
    current_version bigint                   not null,
    created_at      timestamp with time zone not null,
    created_by      varchar(100)             not null,
    updated_at      timestamp with time zone not null,
    updated_by      varchar(100)             not null,
    constraint secret_metadata_path_unique unique (path)
);

create table secret_version (
    id               uuid                     not null primary key,
    secret_id        uuid                     not null references secret_metadata (id),
    version          bigint                   not null,
    key_version      integer,
    wrapped_data_key bytea,
    ciphertext       bytea,
    created_at       timestamp with time zone not null,
    created_by       varchar(100)             not null,
    deleted_at       timestamp with time zone,
    destroyed_at     timestamp with time zone,
    constraint secret_version_unique unique (secret_id, version)
);
