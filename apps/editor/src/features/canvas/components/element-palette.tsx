'use client';

import { elementRegistry, type ElementType } from '@parley/elements';
import { useId, useMemo, useState, type DragEvent } from 'react';
import { cn } from '../../../ui/cn';
import { Input } from '../../../ui/input';
import { useShallow } from 'zustand/react/shallow';
import { useFlow, useSelection } from '../../bot-editor/store/editor-stores';
import { useAddElement } from '../hooks/use-add-element';
import { addBlockedReason } from '../model/add-blocked-reason';
import { categoryStyle } from '../model/category-style';
import { elementMimeType } from '../model/element-mime-type';
import { paletteGroups } from '../model/palette-groups';
import { CategoryIcon } from './category-icon';

function matches(type: ElementType, query: string): boolean {
  if (query === '') return true;
  const definition = elementRegistry[type];
  return `${definition.title} ${type} ${definition.category}`.toLowerCase().includes(query);
}

/**
 * The elements a person can add, grouped Sends / Receives / Actions as the spec groups
 * them, with a search box. Each item is a button named "Add <title>": a click or Enter
 * adds the element in the middle of the visible canvas (selected), and it can be dragged
 * onto the canvas (dropped at the pointer). A type whose maxPerDialog the open dialog has
 * reached is disabled with the reason. Needs the editor's <ReactFlowProvider>.
 */
export function ElementPalette() {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const dialogId = useSelection((state) => state.dialogId);
  // Only which types are blocked (maxPerDialog reached) matters here, not the elements
  // themselves: a shallow-compared record keeps typing elsewhere from re-rendering the palette.
  const blockedReasons = useFlow(
    useShallow((state) => {
      const dialog = state.flow.dialogs.find((candidate) => candidate.id === dialogId);
      return Object.fromEntries(paletteGroups.flatMap((group) => group.types).map((type) => [type, addBlockedReason(type, dialog)]));
    }),
  );
  const addElement = useAddElement();
  const needle = query.trim().toLowerCase();

  const groups = useMemo(
    () => paletteGroups.map((group) => ({ ...group, types: group.types.filter((type) => matches(type, needle)) })).filter((group) => group.types.length > 0),
    [needle],
  );

  const onDragStart = (event: DragEvent, type: ElementType) => {
    event.dataTransfer.setData(elementMimeType, type);
    event.dataTransfer.setData('text/plain', elementRegistry[type].title);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <section aria-label="Elements" className="flex h-full min-h-0 flex-col" data-testid="element-palette">
      <div className="p-3 pb-2">
        <label htmlFor={searchId} className="sr-only">
          Search elements
        </label>
        <Input id={searchId} type="search" placeholder="Search elements" value={query} onChange={(event) => setQuery(event.target.value)} autoComplete="off" />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 pb-3">
        {groups.length === 0 ? <p className="px-1 py-2 text-sm text-muted-foreground">No element matches “{query.trim()}”.</p> : null}
        {groups.map((group) => (
          <section key={group.category} aria-labelledby={`${searchId}-${group.category}`} className="mt-2 first:mt-0">
            <h2 id={`${searchId}-${group.category}`} className="px-1 pb-1 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
              {group.heading}
            </h2>
            <ul className="flex flex-col gap-1">
              {group.types.map((type) => {
                const definition = elementRegistry[type];
                const blocked = blockedReasons[type];
                const reasonId = `${searchId}-${type}-reason`;
                return (
                  <li key={type} className="min-w-0">
                    <button
                      type="button"
                      aria-label={`Add ${definition.title}`}
                      aria-disabled={blocked !== undefined}
                      aria-describedby={blocked ? reasonId : undefined}
                      title={blocked}
                      draggable={blocked === undefined}
                      onDragStart={(event) => onDragStart(event, type)}
                      onClick={() => {
                        if (blocked === undefined) addElement(type);
                      }}
                      data-testid={`palette-${type}`}
                      className={cn(
                        'flex w-full cursor-grab items-center gap-2 rounded-md border bg-card px-2 py-1.5 text-left text-sm shadow-xs transition-colors hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring active:cursor-grabbing',
                        blocked && 'cursor-not-allowed opacity-60 hover:bg-card',
                      )}
                    >
                      <span className={cn('grid size-6 shrink-0 place-items-center rounded', categoryStyle[definition.category].icon)}>
                        <CategoryIcon category={definition.category} />
                      </span>
                      <span className="min-w-0 flex-1 truncate">{definition.title}</span>
                    </button>
                    {/* Outside the button: its accessible name stays "Add <title>" (WCAG 2.5.3), the reason is its description. */}
                    {blocked ? (
                      <p id={reasonId} className="px-2 pt-0.5 text-xs text-muted-foreground">
                        {blocked}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
