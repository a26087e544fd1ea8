import type { BotVersion } from '@parley/db';
import { upgradeFlowDocument } from '@parley/engine';
import { isRecord } from '../components/flow-elements';

/**
 * The flow of a published version as its author wrote it, to show or restore: the kept
 * `source` (the draft before components were embedded and synonyms expanded), or for
 * versions published before sources were kept, the published flow without its
 * `components` (a draft must not set them). Upgraded to the current flow format version.
 */
export function versionFlow(version: Pick<BotVersion, 'flow' | 'source'>): unknown {
  if (version.source !== null) return upgradeFlowDocument(version.source);
  if (!isRecord(version.flow)) return upgradeFlowDocument(version.flow);
  const { components: _components, ...flow } = version.flow;
  return upgradeFlowDocument(flow);
}
