'use client';

import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { Button } from '../../../ui/button';
import { FormStatus } from '../../../ui/form-status';
import { Label } from '../../../ui/label';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../ui/select';
import { Skeleton } from '../../../ui/skeleton';
import type { EditorFlow } from '../../bot-editor/document/editor-flow';
import { EditorStoresProvider } from '../../bot-editor/store/editor-stores';
import { useSideFlow, type SideFlow } from '../hooks/use-side-flow';
import { buildDisplayFlow } from '../model/build-display-flow';
import { parseSide, sideName, sideValue, type CompareSide } from '../model/compare-side';
import { changeCount, diffFlows, type ElementMark, type FlowDiff } from '../model/diff-flows';
import { DiffLegend } from './diff-legend';
import { DiffView } from './diff-view';

type VersionCompareProps = {
  botId: string;
  draft: EditorFlow;
  /** Published version numbers, newest first. */
  numbers: readonly number[];
  a: CompareSide;
  b: CompareSide;
  /** A new pair was picked (the caller orders it: A older, B newer). */
  onPick(first: CompareSide, second: CompareSide): void;
};

function SidePicker({ id, label, value, numbers, onChange }: { id: string; label: string; value: CompareSide; numbers: readonly number[]; onChange(side: CompareSide): void }) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id}>{label}</Label>
      <Select
        value={sideValue(value)}
        onValueChange={(next) => {
          const side = parseSide(next);
          if (side !== undefined) onChange(side);
        }}
      >
        <SelectTrigger id={id} className="w-44">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="draft">Draft</SelectItem>
          {numbers.map((number) => (
            <SelectItem key={number} value={sideValue(number)}>
              Version {number}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

function totals(diff: FlowDiff): Record<ElementMark, number> {
  const counts: Record<ElementMark, number> = { added: 0, removed: 0, changed: 0 };
  for (const dialog of diff.dialogs) {
    counts.added += dialog.added.length;
    counts.removed += dialog.removed.length;
    counts.changed += dialog.changed.length;
  }
  return counts;
}

/** "Attributes: added email; removed plan; changed name", or '' when they are the same. */
function attributesLine(diff: FlowDiff): string {
  const parts = [
    diff.attributes.added.length > 0 ? `added ${diff.attributes.added.join(', ')}` : '',
    diff.attributes.removed.length > 0 ? `removed ${diff.attributes.removed.join(', ')}` : '',
    diff.attributes.changed.length > 0 ? `changed ${diff.attributes.changed.join(', ')}` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : `Attributes: ${parts.join('; ')}.`;
}

function SideProblem({ side, flow }: { side: CompareSide; flow: SideFlow }) {
  if (flow.kind !== 'failed') return null;
  return (
    <div className="grid justify-items-start gap-2">
      <FormStatus kind="error">
        Could not load {sideName(side)}: {flow.message}
      </FormStatus>
      <Button variant="outline" size="sm" onClick={flow.retry}>
        Try again
      </Button>
    </div>
  );
}

/**
 * Compare two of {the draft, version N …}: A (older) and B (newer) pickers, then B drawn
 * with A's removed elements put back, every element marked added / removed / changed,
 * with a legend, a dialog picker and the list of changes. The diff canvas has stores of its
 * own (EditorStoresProvider over the display flow) and its own ReactFlowProvider, so it
 * never touches the open bot's document or canvas.
 */
export function VersionCompare({ botId, draft, numbers, a, b, onPick }: VersionCompareProps) {
  const older = useSideFlow(botId, a, draft);
  const newer = useSideFlow(botId, b, draft);
  const olderFlow = older.kind === 'ready' ? older.flow : null;
  const newerFlow = newer.kind === 'ready' ? newer.flow : null;
  const compared = useMemo(() => {
    if (!olderFlow || !newerFlow) return null;
    const diff = diffFlows(olderFlow, newerFlow);
    return { diff, display: buildDisplayFlow(olderFlow, newerFlow, diff) };
  }, [olderFlow, newerFlow]);
  const same = a === b;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="flex flex-wrap items-end gap-4">
        <SidePicker id="compare-a" label="Older (A)" value={a} numbers={numbers} onChange={(side) => onPick(side, b)} />
        <SidePicker id="compare-b" label="Newer (B)" value={b} numbers={numbers} onChange={(side) => onPick(a, side)} />
        {compared && !same && (
          <div className="ml-auto">
            <DiffLegend counts={totals(compared.diff)} />
          </div>
        )}
      </div>
      {same ? (
        <p className="text-sm text-muted-foreground">Pick two different versions to compare.</p>
      ) : older.kind === 'failed' || newer.kind === 'failed' ? (
        <>
          <SideProblem side={a} flow={older} />
          <SideProblem side={b} flow={newer} />
        </>
      ) : !compared ? (
        <div role="status" className="grid min-h-0 flex-1 grid-cols-[16rem_1fr] gap-3">
          <span className="sr-only">Loading the versions to compare…</span>
          <Skeleton className="h-full" />
          <Skeleton className="h-full" />
        </div>
      ) : (
        <>
          <p className="text-sm text-muted-foreground" data-testid="diff-summary">
            {compared.diff.dialogs.every((dialog) => changeCount(dialog) === 0) ? `No element differs between ${sideName(a)} and ${sideName(b)}.` : `Changes from ${sideName(a)} (A) to ${sideName(b)} (B).`}{' '}
            {attributesLine(compared.diff)}
          </p>
          <EditorStoresProvider key={`${sideValue(a)}:${sideValue(b)}`} flow={compared.display}>
            <ReactFlowProvider>
              <DiffView diff={compared.diff} />
            </ReactFlowProvider>
          </EditorStoresProvider>
        </>
      )}
    </div>
  );
}
