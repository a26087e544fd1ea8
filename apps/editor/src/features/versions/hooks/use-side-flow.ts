import { useQuery } from '@tanstack/react-query';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { describeClientError } from '../../../trpc/browser-api';
import type { CompareSide } from '../model/compare-side';
import { fetchVersionFlow, versionFlowKey } from '../model/fetch-version-flow';

export type SideFlow = { kind: 'loading' } | { kind: 'failed'; message: string; retry(): void } | { kind: 'ready'; flow: EditorFlow };

/** The flow of one side of a comparison: the draft at once, a version once bots.version has answered (kept for the session). */
export function useSideFlow(botId: string, side: CompareSide, draft: EditorFlow): SideFlow {
  const number = side === 'draft' ? 0 : side;
  const query = useQuery({
    queryKey: versionFlowKey(botId, number),
    queryFn: ({ signal }) => fetchVersionFlow(botId, number, signal),
    enabled: side !== 'draft',
    staleTime: Infinity,
  });
  if (side === 'draft') return { kind: 'ready', flow: draft };
  if (query.isError) return { kind: 'failed', message: describeClientError(query.error), retry: () => void query.refetch() };
  if (query.data) return { kind: 'ready', flow: query.data };
  return { kind: 'loading' };
}
