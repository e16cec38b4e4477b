-- Generations of the X25519 key pair that sealed-secret files are encrypted to. The private key is stored only
-- wrapped by a root key version (key_version), and is rewrapped with the secret values after a rotation.
create table secret_export_key (
    generation          integer                  not null primary key,
    key_id              varchar(32)              not null,
    public_key          bytea                    not null,
    key_version         integer                  not null,
    wrapped_private_key bytea                    not null,
    created_at          timestamp with time zone not null,
    created_by          varchar(100)             not null,
    constraint secret_export_key_id_unique unique (key_id)
);
