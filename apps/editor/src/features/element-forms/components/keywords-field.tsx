'use client';

import { maxKeywords, maxKeywordSynonyms } from '@parley/elements';
import { useState, type ReactNode } from 'react';
import { Button } from '../../../ui/button';
import { CloseIcon, PlusIcon } from '../../../ui/icons';
import { Input } from '../../../ui/input';
import type { FieldPath } from '../../bot-editor/document/editor-flow';
import { newId } from '../../bot-editor/document/new-id';
import { getAtPath } from '../../bot-editor/document/set-at-path';
import { useFlow } from '../../bot-editor/store/editor-stores';
import { findElement } from '../../bot-editor/document/flow-edits';
import type { ArrayFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { keywordProblems } from '../form-model/keyword-problems';
import { moveItem } from '../form-model/move-item';
import { synonymToAdd } from '../form-model/synonym-to-add';
import { useElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import type { FieldProps } from './field-props';
import { FieldMessages } from './field-messages';
import { FieldShell } from './field-shell';
import { focusAfterEdit, ItemActions } from './item-actions';

const separator = '\u0000';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

/**
 * User response keywords: each keyword's text (evaluated in order, each with its own
 * output port), its synonyms (matched when NLP is on) and the synonyms Parley added at
 * publish (read-only); add up to 50, move, remove. New keywords get a fresh id, so their
 * port (keyword:<id>) and its canvas edge survive reordering and renaming.
 */
export function KeywordsField({ elementId, field, path, label }: FieldProps<ArrayFieldDescription>) {
  const textsText = useFlow((state) => {
    const list = getAtPath(findElement(state.flow, elementId), path);
    return Array.isArray(list) ? list.map((item) => String(getAtPath(item, ['text']) ?? '')).join(separator) : undefined;
  });
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const texts = textsText === undefined ? [] : textsText.split(separator);
  const problems = keywordProblems(texts);
  const listKey = fieldDomId(elementId, path);
  const max = field.maxItems ?? maxKeywords;
  const full = texts.length >= max;
  const current = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

  const add = () => {
    editor.update(path, (value) => {
      const list = current(value);
      const taken = new Set(list.map((item) => String(getAtPath(item, ['id']) ?? '')));
      return [...list, { id: newId('keyword', taken), text: '' }];
    });
    focusAfterEdit(`#${CSS.escape(fieldDomId(elementId, [...path, texts.length, 'text']))}`);
  };

  return (
    <fieldset className="grid min-w-0 gap-3" data-field={formatFieldPath(path)} aria-describedby={`${listKey}-messages`}>
      <legend className="flex w-full items-center justify-between gap-2 text-sm font-medium">
        <span>{label ?? field.label}</span>
        <span className="text-xs font-normal text-muted-foreground tabular-nums">
          <span className="sr-only">{`${texts.length} of at most ${max}`}</span>
          <span aria-hidden="true">
            {texts.length} / {max}
          </span>
        </span>
      </legend>
      <p className="text-xs text-muted-foreground">
        Replies are matched against the keywords in this order; each keyword leaves through its own port. Without keywords any reply continues.
      </p>
      {texts.map((text, index) => (
        <KeywordCard
          key={index}
          elementId={elementId}
          path={[...path, index]}
          name={`Keyword ${index + 1}`}
          text={text}
          problem={problems[index]}
          actions={
            <ItemActions
              name={`keyword ${index + 1}`}
              listKey={listKey}
              index={index}
              count={texts.length}
              onMove={(to) => editor.update(path, (value) => moveItem(current(value), index, to))}
              onRemove={() =>
                editor.update(path, (value) => {
                  const next = current(value).filter((_, position) => position !== index);
                  return next.length === 0 ? undefined : next;
                })
              }
            />
          }
        />
      ))}
      <FieldMessages id={`${listKey}-messages`} issues={issues} />
      <div className="flex items-center gap-2">
        <Button variant="outline" size="sm" disabled={full} onClick={add} data-add-for={listKey}>
          <PlusIcon />
          Add keyword
        </Button>
        {full && <span className="text-xs text-muted-foreground">{`At most ${max}.`}</span>}
      </div>
    </fieldset>
  );
}

type KeywordCardProps = { elementId: string; path: FieldPath; name: string; text: string; problem: string | undefined; actions: ReactNode };

function KeywordCard({ elementId, path, name, text, problem, actions }: KeywordCardProps) {
  const textPath = [...path, 'text'];
  const synonymsPath = [...path, 'synonyms'];
  const synonyms = strings(useElementValue(elementId, synonymsPath));
  const expanded = strings(useElementValue(elementId, [...path, 'expandedSynonyms']));
  const editor = useElementEditor(elementId);
  const textIssues = useFieldIssues(elementId, textPath, problem === undefined ? undefined : 'invalid');
  const synonymIssues = useFieldIssues(elementId, synonymsPath);
  const [draft, setDraft] = useState('');
  const [draftProblem, setDraftProblem] = useState<string | undefined>(undefined);
  const synonymInputId = fieldDomId(elementId, [...synonymsPath, 'new']);
  const addSynonym = () => {
    const result = synonymToAdd(draft, text, synonyms);
    if (!result.ok) return setDraftProblem(result.message);
    editor.set(synonymsPath, [...synonyms, result.synonym]);
    setDraft('');
    setDraftProblem(undefined);
  };
  return (
    <div className="grid min-w-0 gap-2 rounded-md border p-3" data-field={formatFieldPath(path)}>
      <FieldShell
        id={fieldDomId(elementId, textPath)}
        field={formatFieldPath(textPath)}
        label={name}
        counter={{ length: text.length, max: 100 }}
        issues={textIssues}
        localProblem={problem}
        actions={actions}
      >
        {(control) => <Input {...control} value={text} maxLength={100} onChange={(event) => editor.set(textPath, event.target.value, { typing: true })} />}
      </FieldShell>
      <div className="grid gap-1.5" data-field={formatFieldPath(synonymsPath)}>
        <div className="flex items-center justify-between gap-2">
          <label htmlFor={synonymInputId} className="text-sm font-medium">
            {`Synonyms of ${name.toLowerCase()}`}
          </label>
          <span className="text-xs text-muted-foreground tabular-nums">
            <span className="sr-only">{`${synonyms.length} of at most ${maxKeywordSynonyms}`}</span>
            <span aria-hidden="true">
              {synonyms.length} / {maxKeywordSynonyms}
            </span>
          </span>
        </div>
        {synonyms.length > 0 && (
          <ul className="flex flex-wrap gap-1.5">
            {synonyms.map((synonym, index) => (
              <li
                key={`${synonym}:${index}`}
                className="inline-flex items-center gap-1 rounded-md border bg-secondary py-0.5 pr-0.5 pl-2 text-xs"
                data-field={formatFieldPath([...synonymsPath, index])}
              >
                {synonym}
                <button
                  type="button"
                  className="inline-flex size-5 cursor-pointer items-center justify-center rounded-sm hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
                  aria-label={`Remove synonym ${synonym}`}
                  onClick={() => {
                    const next = synonyms.filter((_, position) => position !== index);
                    editor.set(synonymsPath, next.length === 0 ? undefined : next);
                    focusAfterEdit(`#${CSS.escape(synonymInputId)}`);
                  }}
                >
                  <CloseIcon className="size-3" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="flex gap-2">
          <Input
            id={synonymInputId}
            value={draft}
            maxLength={100}
            placeholder="Type a synonym, then Enter"
            aria-invalid={draftProblem !== undefined}
            aria-describedby={`${synonymInputId}-messages`}
            disabled={synonyms.length >= maxKeywordSynonyms}
            onChange={(event) => {
              setDraft(event.target.value);
              setDraftProblem(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                addSynonym();
              }
            }}
          />
          <Button
            variant="outline"
            size="sm"
            className="h-9"
            onClick={addSynonym}
            disabled={synonyms.length >= maxKeywordSynonyms}
            aria-label={`Add synonym to ${name.toLowerCase()}`}
          >
            Add
          </Button>
        </div>
        <FieldMessages id={`${synonymInputId}-messages`} issues={synonymIssues} localProblems={draftProblem === undefined ? [] : [draftProblem]} />
        {expanded.length > 0 && (
          <p className="text-xs text-muted-foreground">
            <span className="font-medium">Added at publish (matched with NLP): </span>
            {expanded.join(', ')}
          </p>
        )}
      </div>
    </div>
  );
}
