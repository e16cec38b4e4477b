-- Rotation policies: for one secret (scope SECRET, selector = its path) or every secret under a path prefix
-- (scope PREFIX, selector ends with '/'). Durations are ISO-8601 text.
create table secret_rotation_policy (
    id                uuid                     not null primary key,
    scope             varchar(10)              not null,
    selector          varchar(300)             not null,
    rotator           varchar(40)              not null,
    rotation_interval varchar(40),
    window_start      varchar(5),
    window_length     varchar(40),
    window_zone       varchar(60),
    grace_period      varchar(40)              not null,
    quiet_period      varchar(40)              not null,
    enabled           boolean                  not null,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(100)             not null,
    constraint secret_rotation_policy_scope_check check (scope in ('SECRET', 'PREFIX')),
    constraint secret_rotation_policy_selector_unique unique (scope, selector)
);

-- A rotator's settings; never a secret value (those are referenced by vault path).
create table secret_rotation_parameter (
    policy_id uuid          not null references secret_rotation_policy (id) on delete cascade,
    param_name  varchar(60)   not null,
    param_value varchar(2000) not null,
    constraint secret_rotation_parameter_pk primary key (policy_id, param_name)
);

-- Where each secret's rotation stands. expires_at is an expiry set by hand for expires_version (a new value
-- needs a new expiry); current_expires_at is what the rotator read from the value it rotated in (a certificate's
-- end of validity). step is set while a candidate is PENDING: SETTING from the moment the
-- target may change, SET once the target took it, TESTED once it works; a node that finds a step on restart (or
-- after the claim expired) converges to whichever credential the target accepts.
create table secret_rotation (
    secret_id            uuid                     not null primary key references secret_metadata (id),
    step                 varchar(10),
    pending_version      bigint,
    rotator              varchar(40),
    started_at           timestamp with time zone,
    claim_token          varchar(36),
    claimed_until        timestamp with time zone,
    consecutive_failures integer                  not null,
    next_attempt_at      timestamp with time zone,
    last_failure_at      timestamp with time zone,
    last_failure         varchar(500),
    failing_notified     boolean                  not null,
    last_completed_at    timestamp with time zone,
    rule_reference       varchar(200),
    expires_at           timestamp with time zone,
    expires_version      bigint,
    current_expires_at   timestamp with time zone,
    constraint secret_rotation_step_check check (step in ('SETTING', 'SET', 'TESTED')),
    constraint secret_rotation_pending_check check ((step is null) = (pending_version is null))
);

-- Versions a rotation replaced, until their credential is revoked at the target: after the grace period and once
-- nobody has read them for the quiet period.
create table secret_retired_version (
    secret_id      uuid                     not null references secret_metadata (id),
    version        bigint                   not null,
    rotator        varchar(40)              not null,
    retired_at     timestamp with time zone not null,
    revoke_after   timestamp with time zone not null,
    quiet_period   varchar(40)              not null,
    revoked_at     timestamp with time zone,
    attempts       integer                  not null,
    last_failure   varchar(500),
    constraint secret_retired_version_pk primary key (secret_id, version)
);

-- Expiry reminders already sent: one per secret, expiry and lead time, whichever node sends it.
create table secret_expiry_reminder (
    secret_id    uuid                     not null references secret_metadata (id),
    expires_at   timestamp with time zone not null,
    lead_seconds bigint                   not null,
    sent_at      timestamp with time zone not null,
    constraint secret_expiry_reminder_pk primary key (secret_id, expires_at, lead_seconds)
);
