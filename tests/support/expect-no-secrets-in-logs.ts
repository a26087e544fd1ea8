import { expect } from 'vitest';
import type { Platform } from './start-platform';

/**
 * Asserts that no log line of the platform's API and worker processes (stdout and
 * stderr, whatever the level they ran at) contains any of `secrets`: channel tokens,
 * app secrets, visitor tokens, stream tickets, the platform key. A failure names the
 * secret's label and the log line with the secret masked, never the secret itself.
 * Also checks that the processes did log (a silent run would prove nothing).
 */
export function expectNoSecretsInLogs(platform: Platform, secrets: Record<string, string>): void {
  const lines = [...platform.apis, ...platform.workers].flatMap((app) => app.output().split('\n'));
  expect(lines.filter((line) => line.includes('"level":"debug"') || line.includes('"level":"info"')).length).toBeGreaterThan(0);
  const leaks: string[] = [];
  for (const [label, secret] of Object.entries(secrets)) {
    expect(secret.length, `${label} is too short to search for`).toBeGreaterThanOrEqual(8);
    for (const line of lines) if (line.includes(secret)) leaks.push(`${label}: ${line.split(secret).join('[SECRET]').slice(0, 500)}`);
  }
  expect(leaks).toEqual([]);
}
