-- Row-level security for the API's tRPC path (issue 14).
--
-- The API runs each tRPC transaction as `parley_tenant` (SET LOCAL ROLE) with the
-- workspace in the transaction-local setting `parley.workspace_id`
-- (libs/db withWorkspaceScope). On every workspace-owned table a policy for that role
-- admits only the rows of that workspace, for reading and for writing, so a query that
-- forgets its workspace filter still sees only its own workspace. An empty or unset
-- setting matches no row (no id is '' and NULL equals nothing).
--
-- Only parley_tenant gets policies. The migrating role owns the tables and so bypasses
-- RLS (as does a superuser): the worker, the ingress and the migrator, which act across
-- workspaces, run without the role and see everything. Any other non-owner role sees
-- nothing in these tables.
--
-- Not workspace-owned, no RLS: "User" (member lists read it), "AuthSession", "Account",
-- "Verification", "RateLimit", _prisma_migrations.

-- Roles are cluster-wide: another database of this cluster may have created it already,
-- possibly in a transaction running concurrently with this one (unique_violation then).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parley_tenant') THEN
    CREATE ROLE parley_tenant NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

-- The login role that migrates (and serves the API) may switch to it. Already a member:
-- a notice; a concurrent grant of the same membership: ignored.
DO $$
BEGIN
  GRANT parley_tenant TO CURRENT_USER;
EXCEPTION WHEN unique_violation THEN
  NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO parley_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO parley_tenant;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO parley_tenant;
-- Tables and sequences later migrations create (they run as this same role).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO parley_tenant;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO parley_tenant;

-- The workspace itself.
ALTER TABLE "Workspace" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Workspace" TO parley_tenant
  USING ("id" = current_setting('parley.workspace_id', true))
  WITH CHECK ("id" = current_setting('parley.workspace_id', true));

-- Tables with a "workspaceId" column.
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Membership" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Invitation" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "AuditLog" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "ApiKey" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "Bot" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Bot" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "Component" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Component" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "Channel" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Channel" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "Session" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Session" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "Message" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Message" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "SessionCall" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "SessionCall" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "Person" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Person" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "CustomEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "CustomEvent" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "Conversation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "Conversation" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "CsatResponse" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "CsatResponse" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "AnalyticsEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "AnalyticsEvent" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "ConversationTag" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "ConversationTag" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

ALTER TABLE "ClientCertificate" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "ClientCertificate" TO parley_tenant
  USING ("workspaceId" = current_setting('parley.workspace_id', true))
  WITH CHECK ("workspaceId" = current_setting('parley.workspace_id', true));

-- Child tables without "workspaceId": through their parent row (itself under the same
-- policy, so the parent must be visible in this workspace too).
ALTER TABLE "BotVersion" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "BotVersion" TO parley_tenant
  USING (EXISTS (SELECT 1 FROM "Bot" WHERE "Bot"."id" = "BotVersion"."botId"
                 AND "Bot"."workspaceId" = current_setting('parley.workspace_id', true)))
  WITH CHECK (EXISTS (SELECT 1 FROM "Bot" WHERE "Bot"."id" = "BotVersion"."botId"
                      AND "Bot"."workspaceId" = current_setting('parley.workspace_id', true)));

ALTER TABLE "ComponentVersion" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "ComponentVersion" TO parley_tenant
  USING (EXISTS (SELECT 1 FROM "Component" WHERE "Component"."id" = "ComponentVersion"."componentId"
                 AND "Component"."workspaceId" = current_setting('parley.workspace_id', true)))
  WITH CHECK (EXISTS (SELECT 1 FROM "Component" WHERE "Component"."id" = "ComponentVersion"."componentId"
                      AND "Component"."workspaceId" = current_setting('parley.workspace_id', true)));

ALTER TABLE "SessionTimer" ENABLE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON "SessionTimer" TO parley_tenant
  USING (EXISTS (SELECT 1 FROM "Session" WHERE "Session"."id" = "SessionTimer"."sessionId"
                 AND "Session"."workspaceId" = current_setting('parley.workspace_id', true)))
  WITH CHECK (EXISTS (SELECT 1 FROM "Session" WHERE "Session"."id" = "SessionTimer"."sessionId"
                      AND "Session"."workspaceId" = current_setting('parley.workspace_id', true)));
