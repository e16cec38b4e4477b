-- The keyring key between the unseal key and the root key versions (null until a vault initialised before it is
-- next unsealed), the minimum decryption version, and a generation raised by every change of the keyring so that
-- nodes notice a stale keyring with one cheap read.
alter table secret_seal add column wrapped_keyring_key bytea;
alter table secret_seal add column keyring_generation bigint default 0 not null;
alter table secret_seal add column min_decryption_version integer default 1 not null;

-- The root key version a value's ciphertext is bound to; a rewrap moves only the data key to a newer version.
-- Null on rows written before: they are bound to their key_version.
alter table secret_version add column value_key_version integer;

-- One row per root key version that stored data keys were (or are being) rewrapped to.
create table secret_rewrap (
    target_key_version integer                  not null primary key,
    started_at         timestamp with time zone not null,
    started_by         varchar(100)             not null,
    finished_at        timestamp with time zone
);
