-- People and service accounts. Usernames never change: other tables (tokens, MFA, audit) refer to them.
create table access_user (
    id                   uuid primary key,
    username             varchar(64)  not null,
    display_name         varchar(128) not null,
    email                varchar(254),
    kind                 varchar(16)  not null,
    password_hash        varchar(255) not null,
    enabled              boolean      not null,
    must_change_password boolean      not null,
    failed_attempts      integer      not null,
    locked_until         timestamp with time zone,
    -- Raised whenever existing sessions must end (disable, password change): sessions carry the stamp they began with.
    security_stamp       bigint       not null,
    created_at           timestamp with time zone not null,
    password_changed_at  timestamp with time zone,
    last_sign_in_at      timestamp with time zone,
    version              bigint       not null,
    constraint access_user_username_uq unique (username)
);

create table access_team (
    id          uuid primary key,
    slug        varchar(64)   not null,
    name        varchar(128)  not null,
    description varchar(1000) not null,
    created_at  timestamp with time zone not null,
    constraint access_team_slug_uq unique (slug)
);

create table access_membership (
    team_id   uuid not null references access_team (id),
    user_id   uuid not null references access_user (id),
    joined_at timestamp with time zone not null,
    primary key (team_id, user_id)
);

-- A role granted globally (team_id null) or within one team.
create table access_role_grant (
    id         uuid primary key,
    user_id    uuid        not null references access_user (id),
    role       varchar(32) not null,
    team_id    uuid references access_team (id),
    granted_by varchar(64) not null,
    granted_at timestamp with time zone not null
);
create index access_role_grant_user_idx on access_role_grant (user_id);

-- The service catalog: what the organisation runs, who owns it, how critical it is.
create table access_service (
    id             uuid primary key,
    slug           varchar(64)   not null,
    name           varchar(128)  not null,
    description    varchar(1000) not null,
    owner_team_id  uuid          not null references access_team (id),
    tier           varchar(16)   not null,
    environments   varchar(64)   not null,
    repository_url varchar(500),
    runbook_url    varchar(500),
    dashboard_url  varchar(500),
    created_at     timestamp with time zone not null,
    constraint access_service_slug_uq unique (slug)
);
create index access_service_owner_idx on access_service (owner_team_id);
