import { TRPCError } from '@trpc/server';
import type { Context } from '../create-context';
import { roleAllows, type ProcedureAccess } from './procedure-access';

/**
 * Throws unless `ctx` may call the procedure at `path` declaring `access`:
 * no declaration → FORBIDDEN (never open by omission); signed-in or role access without
 * a principal → UNAUTHORIZED; role access without a workspace, or with a role that does
 * not grant it → FORBIDDEN, naming the role needed.
 */
export function checkAccess(ctx: Context, access: ProcedureAccess | undefined, path: string): void {
  if (!access) throw new TRPCError({ code: 'FORBIDDEN', message: `${path} declares no access rule` });
  if ('public' in access) return;
  if (!ctx.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in, or send a workspace API key as Authorization: Bearer' });
  if ('signedIn' in access) {
    if (ctx.principal.kind !== 'user') throw new TRPCError({ code: 'FORBIDDEN', message: `${path} is for people signed in to the editor, not API keys` });
    return;
  }
  if (!ctx.workspace || !ctx.role) throw new TRPCError({ code: 'FORBIDDEN', message: 'You are not a member of any workspace' });
  if (!roleAllows(ctx.role, access.role)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `${path} needs the ${access.role} role or higher; yours is ${ctx.role}` });
  }
}
