-- Webhook subscriptions (contract §1.1, §1.8): a tenant's receivers of workflow events. The secret is
-- kept as given, not hashed, because every delivery is signed with it (HMAC-SHA256); the API never
-- returns it. events lists event names (or *) separated by commas. See docs/webhooks.md.
CREATE TABLE webhooks (
    id         VARCHAR(64)   NOT NULL,
    tenant_id  VARCHAR(255)  NOT NULL,
    url        VARCHAR(2048) NOT NULL,
    events     VARCHAR(1024) NOT NULL,
    secret     VARCHAR(1024),
    active     BOOLEAN       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhooks PRIMARY KEY (id)
);
CREATE INDEX ix_webhooks_tenant ON webhooks (tenant_id, created_at);

-- A message the worker gave up on: done (never claimed again) and failed, with its last_error kept.
ALTER TABLE outbox ADD COLUMN failed_at TIMESTAMP WITH TIME ZONE;
