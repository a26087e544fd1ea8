'use client';

import { Command } from 'cmdk';
import { useId, useState } from 'react';
import { CheckIcon, ChevronsUpDownIcon, PlusIcon } from './icons';
import { cn } from './cn';
import { Popover, PopoverContent, PopoverTrigger } from './popover';

export type ComboboxOption = { readonly value: string; readonly label: string; readonly hint?: string | undefined };

/** What the typed text may create: an item that creates it, or why it cannot be created. */
export type ComboboxCreate = { readonly label: string; readonly onCreate: () => void } | { readonly message: string };

type ComboboxProps = {
  /** The trigger's id: point a <Label htmlFor> at it (that label names the control). */
  id: string;
  value: string | undefined;
  options: readonly ComboboxOption[];
  onChange: (value: string) => void;
  /** Shown on the trigger while nothing is chosen. */
  placeholder: string;
  /** Accessible name of the search box inside, e.g. "Search attributes". */
  searchLabel: string;
  /** Shown when nothing matches (and nothing can be created). */
  emptyText: string;
  /** Offer to create something from the typed text ("Create attribute total"). */
  create?: ((query: string) => ComboboxCreate | undefined) | undefined;
  /** When given, a first item clears the value, named by this label (e.g. "None"). */
  clearLabel?: string | undefined;
  onClear?: (() => void) | undefined;
  /** Trigger text for a value not among the options (e.g. "missing (not declared)"). */
  unknownValueLabel?: ((value: string) => string) | undefined;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  className?: string | undefined;
};

/**
 * Pick one value from a searchable list (cmdk in a Radix popover): the trigger is a
 * combobox button showing the value; typing filters; arrow keys and Enter choose; Escape
 * closes and focus returns to the trigger. Optionally offers to create a new value from
 * the typed text, or to clear the value.
 */
export function Combobox({
  id,
  value,
  options,
  onChange,
  placeholder,
  searchLabel,
  emptyText,
  create,
  clearLabel,
  onClear,
  unknownValueLabel,
  className,
  ...aria
}: ComboboxProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const listId = useId();
  const current = options.find((option) => option.value === value);
  const shown = current?.label ?? (value ? (unknownValueLabel?.(value) ?? value) : undefined);
  const creation = create && query.trim() !== '' ? create(query) : undefined;
  const close = () => {
    setOpen(false);
    setQuery('');
  };
  return (
    <Popover open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
      <PopoverTrigger asChild>
        <button
          id={id}
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-haspopup="listbox"
          aria-controls={open ? listId : undefined}
          aria-invalid={aria['aria-invalid']}
          aria-describedby={aria['aria-describedby']}
          className={cn(
            'flex h-9 w-full min-w-0 cursor-pointer items-center justify-between gap-2 rounded-md border border-input bg-background px-3 py-1 text-left text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring aria-invalid:border-destructive',
            className,
          )}
        >
          <span className={cn('truncate', shown === undefined && 'text-muted-foreground')}>{shown ?? placeholder}</span>
          <ChevronsUpDownIcon className="shrink-0 opacity-60" />
        </button>
      </PopoverTrigger>
      <PopoverContent className="w-[var(--radix-popover-trigger-width)] min-w-56">
        <Command label={searchLabel} loop>
          <Command.Input
            aria-label={searchLabel}
            value={query}
            onValueChange={setQuery}
            placeholder={`${searchLabel}…`}
            className="h-9 w-full border-b bg-transparent px-3 text-sm outline-none placeholder:text-muted-foreground"
          />
          <Command.List id={listId} className="max-h-64 overflow-y-auto p-1">
            <Command.Empty className="px-2 py-3 text-sm text-muted-foreground">
              {creation && 'message' in creation ? creation.message : emptyText}
            </Command.Empty>
            {clearLabel !== undefined && onClear && query === '' && (
              <Command.Item
                value="__clear__"
                onSelect={() => {
                  onClear();
                  close();
                }}
                className={itemClass}
              >
                <span className="text-muted-foreground">{clearLabel}</span>
              </Command.Item>
            )}
            {options.map((option) => (
              <Command.Item
                key={option.value}
                value={option.value}
                keywords={[option.label]}
                onSelect={() => {
                  onChange(option.value);
                  close();
                }}
                className={itemClass}
              >
                <CheckIcon className={cn('shrink-0', option.value === value ? 'opacity-100' : 'opacity-0')} />
                <span className="truncate">{option.label}</span>
                {option.hint && <span className="ml-auto shrink-0 text-xs text-muted-foreground">{option.hint}</span>}
              </Command.Item>
            ))}
            {creation && 'onCreate' in creation && (
              <Command.Item
                forceMount
                value={`__create__ ${query}`}
                onSelect={() => {
                  creation.onCreate();
                  close();
                }}
                className={itemClass}
              >
                <PlusIcon className="shrink-0" />
                <span className="truncate">{creation.label}</span>
              </Command.Item>
            )}
          </Command.List>
        </Command>
      </PopoverContent>
    </Popover>
  );
}

const itemClass =
  'relative flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none select-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground data-[disabled=true]:pointer-events-none data-[disabled=true]:opacity-50';
