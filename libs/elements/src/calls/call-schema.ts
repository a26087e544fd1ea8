import { z } from 'zod';
import { analyticsEventCallSchema } from './analytics-event-call';
import { codeRunCallSchema } from './code-run-call';
import { conversationTagsCallSchema } from './conversation-tags-call';
import { csatRecordCallSchema } from './csat-record-call';
import { handoffCallSchema } from './handoff-call';
import { httpRequestCallSchema } from './http-request-call';
import { profileEventCallSchema } from './profile-event-call';
import { profileGetCallSchema } from './profile-get-call';
import { profileTagsCallSchema } from './profile-tags-call';
import { profileUpsertCallSchema } from './profile-upsert-call';

/**
 * Every call an element can ask the runner to make, discriminated on `name`.
 * One file per call in this folder (`<name>-call.ts`: its request schema and, when the
 * element reads the result, its result schema); adding a call = one import and one
 * line in this array. The engine never looks inside a call (it only adds the key), so
 * adding a call needs no engine change; the runner needs an executor for it.
 */
export const callSchema = z.discriminatedUnion('name', [
  analyticsEventCallSchema,
  handoffCallSchema,
  conversationTagsCallSchema,
  csatRecordCallSchema,
  profileEventCallSchema,
  profileGetCallSchema,
  profileTagsCallSchema,
  profileUpsertCallSchema,
  httpRequestCallSchema,
  codeRunCallSchema,
]);
export type Call = z.infer<typeof callSchema>;
export type CallName = Call['name'];
