'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { browserApi } from '../../../trpc/browser-api';
import { useFlow } from '../../bot-editor/store/editor-stores';
import { referencedComponentIds } from '../model/referenced-component-ids';
import type { ResolvedComponent } from '../model/resolved-component';

const noComponents: readonly ResolvedComponent[] = [];

/**
 * The components the open document's Component elements use, as the API checks a draft
 * against them (components.resolve: latest published version, else the draft, and the
 * components those use), refetched when the set of used ids changes. `pending`: ids
 * asked for whose answer has not come yet. Inside an EditorStoresProvider.
 */
export function useResolvedComponents(): { resolved: readonly ResolvedComponent[]; pending: ReadonlySet<string> } {
  // A string, so the query key changes only when the set of ids does.
  const idsKey = useFlow((state) => referencedComponentIds(state.flow).join('\n'));
  const ids = useMemo(() => (idsKey === '' ? [] : idsKey.split('\n')), [idsKey]);
  const query = useQuery({
    queryKey: ['components', 'resolve', ids],
    queryFn: ({ signal }) => browserApi.components.resolve.query({ ids }, { signal }),
    enabled: ids.length > 0,
    staleTime: 10_000,
  });
  const resolved = ids.length === 0 ? noComponents : (query.data?.components ?? noComponents);
  const pending = useMemo(() => new Set(query.data === undefined && !query.isError ? ids : []), [ids, query.data, query.isError]);
  return { resolved, pending };
}
