import { createHash } from 'node:crypto';
import type { Agent } from 'undici';
import { createGuardedAgent } from './create-guarded-agent';
import type { ResolvedHttpPolicy } from './http-policy';
import type { ResolvedHttpTls } from './http-tls';

/** Most distinct (policy, TLS) agents kept open; the least recently used one is closed beyond this. */
export const maxCachedAgents = 64;

const agents = new Map<string, Agent>();

/**
 * The keep-alive guarded Agent for one policy and TLS setting, shared by every
 * call with the same ones (so connections are reused) and never by calls with
 * other ones (a socket opened under one workspace's allowlist or client
 * certificate is never lent to another). LRU-bounded; an evicted agent is closed
 * gracefully (requests in flight finish). Throws TlsMaterialError like
 * createGuardedAgent.
 */
export function guardedDispatcherFor(policy: ResolvedHttpPolicy, tls: ResolvedHttpTls | undefined): Agent {
  const key = createHash('sha256')
    .update(JSON.stringify({ allow: [...new Set(policy.allow)].sort(), denyPorts: [...new Set(policy.denyPorts)].sort((a, b) => a - b), tls: tls ?? null }))
    .digest('base64url');
  const cached = agents.get(key);
  if (cached) {
    agents.delete(key);
    agents.set(key, cached);
    return cached;
  }
  const agent = createGuardedAgent({ policy, ...(tls ? { tls } : {}) });
  agents.set(key, agent);
  for (const [oldKey, oldAgent] of agents) {
    if (agents.size <= maxCachedAgents) break;
    agents.delete(oldKey);
    void oldAgent.close().catch(() => undefined);
  }
  return agent;
}
