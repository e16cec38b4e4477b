-- Backup plans per service, and one point per run of a plan (failed runs included).
-- Source, locations and keep rules are stored as data; the password of a database is only named (credential).
create table recovery_backup_plan (
    id                uuid                     not null primary key,
    name              varchar(60)              not null,
    service_id        varchar(100)             not null,
    service_name      varchar(200)             not null,
    source_kind       varchar(30)              not null,
    source_config     varchar                  not null,
    cron              varchar(120)             not null,
    locations         varchar                  not null,
    keep_last         integer                  not null,
    keep_hourly       integer                  not null,
    keep_daily        integer                  not null,
    keep_weekly       integer                  not null,
    keep_monthly      integer                  not null,
    keep_yearly       integer                  not null,
    keep_within       varchar(40),
    rpo_override      varchar(40),
    rto_override      varchar(40),
    grace             varchar(40)              not null,
    enabled           boolean                  not null,
    rpo_alerted_for   timestamp with time zone,
    created_at        timestamp with time zone not null,
    created_by        varchar(100)             not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(100)             not null,
    version           bigint                   not null,
    constraint recovery_backup_plan_name_unique unique (name)
);

create table recovery_backup_point (
    id                  uuid                     not null primary key,
    plan_id             uuid                     not null references recovery_backup_plan (id),
    archive_name        varchar(200)             not null,
    format              varchar(30)              not null,
    state               varchar(20)              not null,
    started_at          timestamp with time zone not null,
    heartbeat_at        timestamp with time zone not null,
    finished_at         timestamp with time zone,
    created_at          timestamp with time zone,
    bytes_done          bigint                   not null,
    archive_bytes       bigint                   not null,
    locations_succeeded integer                  not null,
    locations_failed    integer                  not null,
    published_to        varchar                  not null,
    key_id              varchar(64),
    manifest_sha256     varchar(64),
    expectation         varchar,
    verified            boolean                  not null,
    kept_by             varchar(200),
    failure             varchar(2000),
    started_by          varchar(100)             not null,
    latest_drill_passed boolean,
    constraint recovery_backup_point_archive_unique unique (archive_name)
);

create index recovery_backup_point_plan on recovery_backup_point (plan_id, started_at);
