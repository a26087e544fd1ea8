import { z } from 'zod';

/**
 * `Workspace.settings.http`: outbound HTTP settings of a workspace.
 * - allowlist: CIDR blocks, IP addresses or host names the workspace's requests
 *   (API/Authentication/Webhook elements, channel replies) may reach although the
 *   SSRF guard refuses private, loopback ... addresses by default. Entries are
 *   checked for syntax by `@parley/http` (`httpAllowEntrySchema`) where they are
 *   used and where they are written through the API.
 * Read leniently: a missing or malformed `http` object means no allowlist, and
 * non-string entries are dropped (fail closed: fewer destinations, never more).
 */
export const workspaceHttpSettingsSchema = z.object({
  allowlist: z.array(z.string()).max(100).default([]),
});
export type WorkspaceHttpSettings = z.output<typeof workspaceHttpSettingsSchema>;

/** Parses `settings.http` out of a workspace's settings JSON, as described above. */
export function readWorkspaceHttpSettings(settings: unknown): WorkspaceHttpSettings {
  const http: unknown = typeof settings === 'object' && settings !== null ? Reflect.get(settings, 'http') : undefined;
  const allowlist: unknown = typeof http === 'object' && http !== null ? Reflect.get(http, 'allowlist') : undefined;
  const entries = Array.isArray(allowlist) ? allowlist.filter((entry): entry is string => typeof entry === 'string') : [];
  return workspaceHttpSettingsSchema.parse({ allowlist: entries.slice(0, 100) });
}
