-- Path-based access policies, their history and who holds them. Users and teams are referenced by user name and
-- team slug (both immutable in Gantry), not by foreign keys into the access module's tables.

create table secret_policy (
    name        varchar(64)              not null primary key,
    description varchar(500)             not null,
    -- Raised by every change; an update names the version it was made against (check-and-set).
    version     bigint                   not null,
    -- One rule a line: '<glob> <capability>,<capability>', in a canonical order.
    rules       varchar(40000)           not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(255)             not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(255)             not null
);

-- Every version a policy ever had, its deletion included; the audit entry of each change carries the version
-- and a digest of these rules.
create table secret_policy_revision (
    id          uuid                     not null primary key,
    policy_name varchar(64)              not null,
    version     bigint                   not null,
    description varchar(500)             not null,
    rules       varchar(40000)           not null,
    deleted     boolean                  not null,
    changed_at  timestamp with time zone not null,
    changed_by  varchar(255)             not null,
    constraint uq_secret_policy_revision unique (policy_name, version)
);

create table secret_policy_grant (
    id           uuid                     not null primary key,
    policy_name  varchar(64)              not null references secret_policy (name),
    subject_kind varchar(8)               not null,
    subject      varchar(100)             not null,
    granted_at   timestamp with time zone not null,
    granted_by   varchar(255)             not null,
    constraint uq_secret_policy_grant unique (policy_name, subject_kind, subject),
    constraint ck_secret_policy_grant_kind check (subject_kind in ('USER', 'TEAM'))
);

create index ix_secret_policy_grant_subject on secret_policy_grant (subject_kind, subject);

-- Changed to a fresh random value by every change of policies or grants, in the same transaction. Each node
-- compares it with the stamp of its compiled copy before evaluating, so a change made on one node holds on every
-- node at once; a random value (not a counter) is never reused by a change that rolled back.
create table secret_policy_stamp (
    id    integer not null primary key,
    stamp bigint  not null,
    constraint secret_policy_stamp_single_row check (id = 1)
);

insert into secret_policy_stamp (id, stamp) values (1, 0);
