'use client';

import { defaultPort, elementRegistry } from '@parley/elements';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { describeIssue } from '../../element-forms/form-model/describe-issue';
import { memo, useContext, useMemo } from 'react';
import { cn } from '../../../ui/cn';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import type { ElementProblems } from '../../bot-editor/store/problems-store';
import { useElementProblems, useFlow, useSelection } from '../../bot-editor/store/editor-stores';
import type { CanvasNode } from '../model/canvas-node';
import { categoryStyle } from '../model/category-style';
import { findElement } from '../../bot-editor/document/flow-edits';
import { elementPorts } from '../model/element-ports';
import { elementSummary } from '../model/element-summary';
import { outgoingPortsKey } from '../model/outgoing-ports';
import { portLabel } from '../model/port-label';
import { CanvasViewContext, type ElementMark } from './canvas-view-context';
import { CategoryIcon } from './category-icon';

const handleClass = '!size-3 !border-2 !border-background !bg-muted-foreground hover:!bg-primary';

const markStyles: Readonly<Record<ElementMark, { node: string; badge: string; text: string }>> = {
  added: { node: 'outline-2 outline-offset-2 outline-green-600', badge: 'bg-green-700 text-white', text: 'Added' },
  removed: { node: 'border-dashed border-red-600 opacity-60', badge: 'bg-red-700 text-white', text: 'Removed' },
  changed: { node: 'outline-2 outline-offset-2 outline-amber-500', badge: 'bg-amber-500 text-black', text: 'Changed' },
};

/**
 * One element on the canvas: its category icon and type, its name or a summary of its
 * config, a Start badge on the dialog's start element, its validation problems, a target
 * handle on the left and one labelled source handle per output port on the right.
 * Memoized, and it reads only its own element, start flag, outgoing ports and problems
 * from the stores, so editing or dragging one element re-renders only that node.
 *
 * Test ids: `node-<elementId>`, `handle-<elementId>-in`, `handle-<elementId>-<port>`.
 */
export const ElementNode = memo(function ElementNode({ id, selected }: NodeProps<CanvasNode>) {
  const element = useFlow((state) => findElement(state.flow, id));
  const dialogId = useSelection((state) => state.dialogId);
  const isStart = useFlow((state) => state.flow.dialogs.find((dialog) => dialog.id === dialogId)?.startElementId === id);
  const usedPorts = useFlow((state) => outgoingPortsKey(state.flow.dialogs.find((dialog) => dialog.id === dialogId)?.edges ?? [], id));
  const targetDialog = element?.type === 'to-dialog' ? element.dialogId : undefined;
  const targetDialogName = useFlow((state) => (targetDialog === undefined ? undefined : state.flow.dialogs.find((dialog) => dialog.id === targetDialog)?.name));
  const problems = useElementProblems(id);
  const { readOnly, marks } = useContext(CanvasViewContext);

  const ports = useMemo(() => {
    if (!element) return [];
    const own = elementPorts(element);
    const extra = usedPorts === '' ? [] : usedPorts.split('\n').filter((port) => !own.includes(port));
    return [...own.map((port) => ({ port, label: portLabel(element, port), known: true })), ...[...new Set(extra)].map((port) => ({ port, label: portLabel(element, port), known: false }))];
  }, [element, usedPorts]);

  if (!element) return null;
  const definition = elementRegistry[element.type];
  const style = categoryStyle[definition.category];
  const name = element.name?.trim();
  const summary = elementSummary(element, () => targetDialogName);
  const mark = marks?.get(id);
  const markStyle = mark ? markStyles[mark] : undefined;
  // Elements with nothing to configure say nothing more than their type.
  const quiet = element.type === 'close-session' || element.type === 'component-return';
  const single = ports.length === 1 && ports[0]?.port === defaultPort && ports[0].known;

  return (
    <div
      data-testid={`node-${id}`}
      data-element-type={element.type}
      data-mark={mark}
      className={cn(
        'relative w-60 rounded-lg border border-t-4 bg-card text-left text-card-foreground shadow-sm',
        style.accent,
        selected && 'ring-2 ring-ring ring-offset-1 ring-offset-background',
        markStyle?.node,
      )}
    >
      {/* Level with the title row, so the port rows below never cover it. */}
      <Handle type="target" position={Position.Left} id="in" isConnectable={!readOnly} className={cn(handleClass, 'z-10')} style={{ top: 20 }} data-testid={`handle-${id}-in`} />
      <div className="flex items-center gap-2 px-3 pt-2">
        <span className={cn('grid size-6 shrink-0 place-items-center rounded', style.icon)}>
          <CategoryIcon category={definition.category} />
        </span>
        <span className="min-w-0 truncate text-xs font-medium text-muted-foreground">{definition.title}</span>
        <span className="ml-auto flex shrink-0 items-center gap-1">
          {markStyle ? <span className={cn('rounded px-1.5 text-[10px] leading-4 font-semibold', markStyle.badge)}>{markStyle.text}</span> : null}
          {isStart ? (
            <span data-testid={`start-${id}`} className="rounded bg-primary px-1.5 text-[10px] leading-4 font-semibold text-primary-foreground">
              Start
            </span>
          ) : null}
          <ProblemsMark problems={problems} element={element} />
        </span>
      </div>
      {name || summary || !quiet ? (
        <div className={cn('px-3 pt-1 text-sm', single || ports.length === 0 ? 'pb-3' : 'pb-2')}>
          {name ? <div className="truncate font-medium">{name}</div> : null}
          {summary ? <div className="line-clamp-2 break-words text-muted-foreground">{summary}</div> : name ? null : <div className="text-muted-foreground italic">Not set up yet</div>}
        </div>
      ) : (
        <div className="pb-2" />
      )}
      {single ? (
        <Handle type="source" position={Position.Right} id={defaultPort} isConnectable={!readOnly} className={handleClass} data-testid={`handle-${id}-${defaultPort}`} />
      ) : ports.length > 0 ? (
        <ul className="border-t text-xs">
          {ports.map(({ port, label, known }) => (
            <li key={port} className={cn('relative flex min-h-7 items-center justify-end py-1 pr-4 pl-3', !known && 'text-destructive')}>
              <span className="truncate" title={known ? label : `This port no longer exists: ${label}`}>
                {known ? label : `${label} (removed)`}
              </span>
              <Handle
                type="source"
                position={Position.Right}
                id={port}
                isConnectable={!readOnly && known}
                className={cn(handleClass, !known && '!bg-destructive')}
                data-testid={`handle-${id}-${port}`}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Red for errors, amber for warnings only: the count, with the first message as label and tooltip. */
function ProblemsMark({ problems, element }: { problems: ElementProblems; element: EditorElement | undefined }) {
  const { errors, warnings } = problems;
  const first = errors[0] ?? warnings[0];
  const firstMessage = first ? describeIssue(element, first) : '';
  if (!first) return null;
  const isError = errors.length > 0;
  const count = isError ? errors.length : warnings.length;
  const label = `${plural(count, isError ? 'error' : 'warning')}${isError && warnings.length > 0 ? ` and ${plural(warnings.length, 'warning')}` : ''}: ${firstMessage}`;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid="node-problems"
      data-severity={isError ? 'error' : 'warning'}
      className={cn(
        'inline-flex h-4 min-w-4 items-center justify-center gap-0.5 rounded-full px-1 text-[10px] leading-none font-bold',
        isError ? 'bg-destructive text-destructive-foreground' : 'bg-amber-400 text-black',
      )}
    >
      <span aria-hidden="true">!</span>
      <span aria-hidden="true">{count}</span>
    </span>
  );
}
