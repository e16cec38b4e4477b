-- Staging labels, as rotation needs them: CURRENT is what every reader gets, PENDING a candidate being rotated in,
-- PREVIOUS the version CURRENT replaced. Each label sits on one version of a secret and each version holds at most
-- one label; the primary key and the unique constraint say so, so no bug can leave two CURRENT versions.
-- Version numbers now run ahead of CURRENT (a pending candidate takes the next number), so the counter becomes
-- latest_version and CURRENT lives only in its label.
alter table secret_metadata add column latest_version bigint;
update secret_metadata set latest_version = current_version;
alter table secret_metadata alter column latest_version set not null;

-- current_since: when the version became CURRENT; null for a candidate that never did (never readable).
-- failed_at: a candidate whose rotation failed (the FAILED mark).
alter table secret_version add column current_since timestamp with time zone;
alter table secret_version add column failed_at timestamp with time zone;
update secret_version set current_since = created_at;

create table secret_stage (
    secret_id uuid                     not null,
    label     varchar(10)              not null,
    version   bigint                   not null,
    moved_at  timestamp with time zone not null,
    constraint secret_stage_pk primary key (secret_id, label),
    constraint secret_stage_one_label_per_version unique (secret_id, version),
    constraint secret_stage_version_fk foreign key (secret_id, version) references secret_version (secret_id, version),
    constraint secret_stage_label_check check (label in ('CURRENT', 'PENDING', 'PREVIOUS'))
);

insert into secret_stage (secret_id, label, version, moved_at)
select m.id, 'CURRENT', m.current_version, m.updated_at
from secret_metadata m
where exists (select 1 from secret_version v where v.secret_id = m.id and v.version = m.current_version);

alter table secret_metadata drop column current_version;

-- When each version was last read, for revoking a replaced credential only once nobody reads it any more. Its own
-- table so that a read never locks or rewrites the version row itself.
create table secret_version_read (
    version_id   uuid                     not null primary key references secret_version (id),
    last_read_at timestamp with time zone
);

insert into secret_version_read (version_id, last_read_at)
select id, null from secret_version;
