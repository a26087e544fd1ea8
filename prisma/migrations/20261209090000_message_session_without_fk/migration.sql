-- Message."sessionId" without a foreign key: the key check locked the session row for
-- every reply written (about a sixth of Postgres' work per reply, docs/operations.md).
-- DropForeignKey
ALTER TABLE "Message" DROP CONSTRAINT "Message_sessionId_fkey";

-- What ON DELETE SET NULL did, kept by a trigger: deleting a session (directly or by a
-- cascade) sets its messages' "sessionId" to NULL, in the same statement.
CREATE FUNCTION "message_session_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Message" SET "sessionId" = NULL WHERE "sessionId" = OLD."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Session_messages_set_null" AFTER DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "message_session_deleted"();
