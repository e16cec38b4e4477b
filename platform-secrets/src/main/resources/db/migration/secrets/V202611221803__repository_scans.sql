-- Scans of git repositories for leaked secrets. Findings hold where a secret was found and a redacted preview,
-- never the value.
create table secret_scan_run (
    id              uuid                     not null primary key,
    repository      varchar(1000)            not null,
    started_at      timestamp with time zone not null,
    started_by      varchar(100)             not null,
    finished_at     timestamp with time zone,
    outcome         varchar(20)              not null,
    commits_scanned integer                  not null,
    blobs_scanned   integer                  not null,
    blobs_skipped   integer                  not null,
    findings        integer                  not null,
    allowed         integer                  not null,
    error           varchar(500)
);

create table secret_scan_finding (
    id           uuid                     not null primary key,
    run_id       uuid                     not null references secret_scan_run (id),
    fingerprint  varchar(64)              not null,
    rule         varchar(64)              not null,
    commit_id    varchar(64)              not null,
    file_path    varchar(1000)            not null,
    line         integer                  not null,
    preview      varchar(64)              not null,
    managed_path varchar(300),
    author       varchar(200)             not null,
    committed_at timestamp with time zone not null
);

create index secret_scan_finding_run on secret_scan_finding (run_id);

-- Findings judged harmless (test fixtures, revoked keys), by fingerprint: they are not reported again.
create table secret_scan_allowed (
    fingerprint varchar(64)              not null primary key,
    reason      varchar(500)             not null,
    created_at  timestamp with time zone not null,
    created_by  varchar(100)             not null
);
