import { z } from 'zod';
import { memberRoleSchema } from '@parley/db';

/** An id in an input: a non-empty string of bounded length (a foreign or made-up id gets NOT_FOUND, never another workspace's row). */
export const idSchema = z.string().trim().min(1, { error: 'must not be empty' }).max(200);

export const roleInputSchema = memberRoleSchema;

export const emailSchema = z.email({ error: 'must be an email address' }).max(320).transform((email) => email.toLowerCase());
