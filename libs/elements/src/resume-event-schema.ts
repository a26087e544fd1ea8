import { z } from 'zod';

/**
 * What resumes a waiting element, after the engine has matched the raw event to the
 * wait (timer ids, correlation keys): elements never see ids.
 * - user.message: the user's reply.
 * - timeout: the wait's timer fired.
 */
export const resumeEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('user.message'), text: z.string() }),
  z.object({ type: z.literal('timeout') }),
]);
export type ResumeEvent = z.infer<typeof resumeEventSchema>;
