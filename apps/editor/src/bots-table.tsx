import Link from 'next/link';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@parley/api';
import { formatDateTime } from './format-date-time';

export type BotSummary = inferRouterOutputs<AppRouter>['bots']['list'][number];

/** The workspace's bots as a table, or the empty state when there are none. */
export function BotsTable({ bots }: { bots: BotSummary[] }) {
  if (bots.length === 0) {
    return (
      <section className="notice" aria-labelledby="no-bots-title">
        <h2 id="no-bots-title">No bots yet</h2>
        <p>Bots created in this workspace will be listed here.</p>
      </section>
    );
  }
  return (
    <table className="bots">
      <caption>
        {bots.length === 1 ? '1 bot' : `${bots.length} bots`} in this workspace
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Description</th>
          <th scope="col">Published</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {bots.map((bot) => (
          <tr key={bot.id} data-bot-id={bot.id}>
            <th scope="row">
              <Link href={`/bots/${encodeURIComponent(bot.id)}`}>{bot.name}</Link>
            </th>
            <td>{bot.description ? bot.description : <span className="muted">No description</span>}</td>
            <td>{bot.latestVersion === null ? <span className="muted">Draft only</span> : `Version ${bot.latestVersion}`}</td>
            <td>
              <time dateTime={bot.updatedAt}>{formatDateTime(bot.updatedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
