-- Users of Recoup. Passwords are stored as delegating-encoder hashes ({bcrypt}…), never in clear.
CREATE TABLE app_user (
    username       VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash  VARCHAR(200) NOT NULL,
    display_name   VARCHAR(200) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    locale         VARCHAR(10)  NOT NULL DEFAULT 'zh-CN',
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT app_user_role_ck CHECK (role IN ('ADMIN', 'SUPERVISOR', 'TEAM_LEAD', 'AGENT', 'COMPLIANCE', 'AGENCY')),
    CONSTRAINT app_user_locale_ck CHECK (locale IN ('zh-CN', 'en'))
);
