-- The tamper-evident audit trail: append-only, hash-chained entries.
-- hash = SHA-256(prev_hash || canonical bytes of the entry), hex encoded; the first entry chains to 64 zeros.
create table access_audit_entry (
    seq         bigint                   not null primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(255)             not null,
    action      varchar(255)             not null,
    target      varchar(255)             not null,
    outcome     varchar(16)              not null,
    details     varchar(4000)            not null,
    prev_hash   varchar(64)              not null,
    hash        varchar(64)              not null
);

create index access_audit_entry_occurred_at on access_audit_entry (occurred_at);
create index access_audit_entry_actor on access_audit_entry (actor);
create index access_audit_entry_action on access_audit_entry (action);

-- The single row every append locks (SELECT ... FOR UPDATE): it serialises sequence numbers so concurrent appends
-- neither fork the chain nor leave gaps, and it records the newest entry so a truncated tail is noticed.
create table access_audit_head (
    id        integer     not null primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null,
    constraint access_audit_head_single_row check (id = 1)
);

insert into access_audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Signed statements "the trail had this hash at this sequence number". The verifier trusts the copy in the
-- append-only file outside the database; this table serves the viewer.
create table access_audit_checkpoint (
    seq        bigint                   not null primary key,
    hash       varchar(64)              not null,
    created_at timestamp with time zone not null,
    key_id     varchar(64)              not null,
    signature  varchar(128)             not null
);
