-- Drill plans, every drill with its evidence (one row per check), and a record of every key escrow export.
create table recovery_drill_plan (
    id               uuid                     not null primary key,
    name             varchar(60)              not null,
    backup_plan_id   uuid                     not null references recovery_backup_plan (id),
    cron             varchar(120)             not null,
    selection        varchar(10)              not null,
    selection_window varchar(40),
    scratch_kind     varchar(30)              not null,
    scratch_config   varchar                  not null,
    validations      varchar                  not null,
    work_window      varchar(40)              not null,
    enabled          boolean                  not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(100)             not null,
    updated_at       timestamp with time zone not null,
    updated_by       varchar(100)             not null,
    version          bigint                   not null,
    constraint recovery_drill_plan_name_unique unique (name)
);

create table recovery_drill (
    id                 uuid                     not null primary key,
    drill_plan_id      uuid                     not null references recovery_drill_plan (id),
    backup_plan_id     uuid                     not null references recovery_backup_plan (id),
    point_id           uuid                     references recovery_backup_point (id),
    kind               varchar(20)              not null,
    seed               bigint                   not null,
    work_window        varchar(40)              not null,
    scratch            varchar(500),
    started_at         timestamp with time zone not null,
    finished_at        timestamp with time zone,
    verdict            varchar(30)              not null,
    first_failed_check varchar(2000),
    rto_achieved_ms    bigint,
    rpo_achieved_ms    bigint,
    rto_objective      varchar(40),
    rpo_objective      varchar(40),
    objectives_source  varchar(200)             not null,
    cleanup_problem    varchar(2000),
    actor              varchar(100)             not null
);

create index recovery_drill_plan_started on recovery_drill (drill_plan_id, started_at);

create table recovery_drill_check (
    drill_id uuid          not null references recovery_drill (id),
    position integer       not null,
    name     varchar(100)  not null,
    passed   boolean       not null,
    detail   varchar(2000) not null,
    took_ms  bigint        not null,
    primary key (drill_id, position)
);

create table recovery_key_escrow (
    id          uuid                     not null primary key,
    key_id      varchar(64)              not null,
    method      varchar(40)              not null,
    fingerprint varchar(64)              not null,
    exported_at timestamp with time zone not null,
    exported_by varchar(100)             not null
);
