-- The vault's seal: how it unseals, and the root key versions encrypted under the unseal key.
create table secret_seal (
    id             integer                  not null primary key,
    unseal_mode    varchar(20)              not null,
    share_count    integer                  not null,
    threshold      integer                  not null,
    initialised_at timestamp with time zone not null,
    initialised_by varchar(100)             not null,
    constraint secret_seal_single_row check (id = 1)
);

create table secret_keyring (
    key_version integer                  not null primary key,
    wrapped_key bytea                    not null,
    created_at  timestamp with time zone not null
);
