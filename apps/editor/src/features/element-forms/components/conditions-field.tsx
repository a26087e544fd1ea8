'use client';

import { builtInAttributes, conditionOperatorSchema, maxConditions, maxRulesPerCondition, operatorAppliesTo } from '@parley/elements';
import type { ReactNode } from 'react';
import { DuplicateIcon, PlusIcon, TrashIcon } from '../../../ui/icons';
import { Button } from '../../../ui/button';
import { Input } from '../../../ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../../../ui/select';
import type { EditorElement, FieldPath } from '../../bot-editor/document/editor-flow';
import { newId } from '../../bot-editor/document/new-id';
import { setAtPath } from '../../bot-editor/document/set-at-path';
import { useFlow } from '../../bot-editor/store/editor-stores';
import { addCondition, addGroup, addGroupRule, addRule, duplicateCondition } from '../form-model/conditions-edits';
import { conditionsLimits } from '../form-model/conditions-limits';
import type { EditorCondition } from '../form-model/editor-conditions';
import { findElement } from '../../bot-editor/document/flow-edits';
import type { ArrayFieldDescription, EnumOption, FieldDescription, StringFieldDescription } from '../form-model/field-description';
import { fieldDomId } from '../form-model/field-dom-id';
import { formatFieldPath } from '../form-model/format-field-path';
import { moveItem } from '../form-model/move-item';
import { useElementEditor, type ElementEditor } from '../hooks/use-element-editor';
import { useElementValue } from '../hooks/use-element-value';
import { useFieldIssues } from '../hooks/use-field-issues';
import { AttributeField } from './attribute-field';
import type { FieldProps } from './field-props';
import { FieldMessages } from './field-messages';
import { FieldShell } from './field-shell';
import { HintsContext } from './hints-context';
import { focusAfterEdit, ItemActions } from './item-actions';

/** Operators that compare nothing: their rules have no value. */
const valueless: readonly string[] = ['is-empty', 'is-not-empty'];

const matchOptions: readonly EnumOption[] = [
  { value: 'all', label: 'AND: all must hold' },
  { value: 'any', label: 'OR: one is enough' },
];

function child(field: FieldDescription | undefined, key: string): FieldDescription | undefined {
  if (field?.kind === 'array') return child(field.item, key);
  return field?.kind === 'object' ? field.fields.find((candidate) => candidate.key === key) : undefined;
}

/** The parts of the conditions schema the builder's controls are made from. */
type RuleFields = {
  attribute: StringFieldDescription | undefined;
  operators: readonly EnumOption[];
};

function ruleFields(field: ArrayFieldDescription): RuleFields {
  const attribute = child(child(field, 'rules'), 'attribute');
  const operator = child(child(field, 'rules'), 'operator');
  return {
    attribute: attribute?.kind === 'string' ? attribute : undefined,
    operators: operator?.kind === 'enum' ? operator.options : [],
  };
}

/** Runs `update` on the element when it is a Conditions element. */
function editConditions(editor: ElementEditor, update: (conditions: readonly EditorCondition[]) => readonly EditorCondition[]): void {
  editor.updateElement((element: EditorElement) => (element.type === 'conditions' ? { ...element, conditions: [...update(element.conditions)] } : element));
}

function editCondition(editor: ElementEditor, index: number, update: (condition: EditorCondition) => EditorCondition): void {
  editConditions(editor, (conditions) => conditions.map((condition, position) => (position === index ? update(condition) : condition)));
}

/**
 * The Conditions builder: conditions in evaluation order (add, rename, duplicate, move,
 * remove, remove all), each with its rules joined by AND or OR and optional groups of
 * rules with their own AND/OR; a rule is attribute, operator (those that fit the
 * attribute's type) and value. The spec's limits (10 conditions, 10 rules per condition
 * counting groups) are shown and enforced; the built-in Else branch closes the list.
 * Subscribes to the list's shape only; each name and rule to its own value.
 */
export function ConditionsField({ elementId, field, path }: FieldProps<ArrayFieldDescription>) {
  const shape = useFlow((state) => {
    const element = findElement(state.flow, elementId);
    if (element?.type !== 'conditions') return '';
    return element.conditions
      .map((condition) => `${condition.rules.length}:${(condition.groups ?? []).map((group) => group.rules.length).join(',')}`)
      .join('|');
  });
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const conditions =
    shape === ''
      ? []
      : shape.split('|').map((entry) => {
          const [rules = '0', groups = ''] = entry.split(':');
          return {
            rules: Number(rules),
            groups: groups === '' ? [] : groups.split(',').map(Number),
          };
        });
  const limits = conditionsLimits(
    conditions.map((condition) => ({
      rules: Array.from({ length: condition.rules }),
      groups: condition.groups.map((count) => ({
        rules: Array.from({ length: count }),
      })),
    })),
  );
  const listKey = fieldDomId(elementId, path);
  const fields = ruleFields(field);
  const takenIds = () => {
    const element = editor.current();
    return new Set(element?.type === 'conditions' ? element.conditions.map((condition) => condition.id) : []);
  };

  return (
    <section className="grid min-w-0 gap-3" aria-labelledby={`${listKey}-title`} data-field={formatFieldPath(path)}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`${listKey}-title`} className="text-sm font-medium">
          Conditions{' '}
          <span className="text-xs font-normal text-muted-foreground tabular-nums">
            <span className="sr-only">{`(${conditions.length} of at most ${maxConditions})`}</span>
            <span aria-hidden="true">
              {conditions.length} / {maxConditions}
            </span>
          </span>
        </h3>
        <Button variant="ghost" size="sm" disabled={conditions.length === 0} onClick={() => editor.set(path, [])}>
          Remove all
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">Evaluated in order: the first condition that holds is taken, else the Else branch.</p>
      <FieldMessages id={`${listKey}-messages`} issues={issues} />
      <HintsContext value={false}>
        <ol className="grid gap-3">
          {conditions.map((condition, index) => (
            <li key={index}>
              <ConditionCard
                elementId={elementId}
                index={index}
                path={[...path, index]}
                ruleCount={condition.rules}
                groupSizes={condition.groups}
                canAddRule={limits.perCondition[index]?.canAddRule ?? false}
                fields={fields}
                actions={
                  <ItemActions
                    name={`condition ${index + 1}`}
                    listKey={listKey}
                    index={index}
                    count={conditions.length}
                    onMove={(to) => editConditions(editor, (list) => moveItem(list, index, to))}
                    onRemove={() => editor.set([...path, index], undefined)}
                  >
                    <Button
                      variant="ghost"
                      size="icon"
                      className="size-7"
                      aria-label={`Duplicate condition ${index + 1}`}
                      title={`Duplicate condition ${index + 1}`}
                      disabled={!limits.canAddCondition}
                      onClick={() => {
                        const id = newId('condition', takenIds());
                        editConditions(editor, (list) => duplicateCondition(list, index, id));
                        focusAfterEdit(`#${CSS.escape(fieldDomId(elementId, [...path, index + 1, 'name']))}`);
                      }}
                    >
                      <DuplicateIcon />
                    </Button>
                  </ItemActions>
                }
              />
            </li>
          ))}
        </ol>
      </HintsContext>
      <div className="flex items-center gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={!limits.canAddCondition}
          data-add-for={listKey}
          onClick={() => {
            const id = newId('condition', takenIds());
            editConditions(editor, (list) => addCondition(list, id));
            focusAfterEdit(`#${CSS.escape(fieldDomId(elementId, [...path, conditions.length, 'name']))}`);
          }}
        >
          <PlusIcon />
          Add condition
        </Button>
        {!limits.canAddCondition && <span className="text-xs text-muted-foreground">{`At most ${maxConditions} conditions.`}</span>}
      </div>
      <div className="rounded-md border border-dashed px-3 py-2 text-sm">
        <span className="font-medium">Else</span>
        <span className="text-muted-foreground"> — taken when no condition holds. Built in: it cannot be renamed or removed.</span>
      </div>
    </section>
  );
}

type ConditionCardProps = {
  elementId: string;
  index: number;
  path: FieldPath;
  ruleCount: number;
  groupSizes: readonly number[];
  canAddRule: boolean;
  fields: RuleFields;
  actions: ReactNode;
};

function ConditionCard({ elementId, index, path, ruleCount: ownRules, groupSizes, canAddRule, fields, actions }: ConditionCardProps) {
  const editor = useElementEditor(elementId);
  const name = useElementValue(elementId, [...path, 'name']);
  const nameIssues = useFieldIssues(elementId, [...path, 'name']);
  const conditionIssues = useFieldIssues(elementId, path);
  const rulesIssues = useFieldIssues(elementId, [...path, 'rules']);
  const total = ownRules + groupSizes.reduce((sum, size) => sum + size, 0);
  const entries = ownRules + groupSizes.length;
  const legendId = `${fieldDomId(elementId, path)}-legend`;
  const title = `Condition ${index + 1}`;
  return (
    <fieldset className="grid min-w-0 gap-3 rounded-md border p-3" aria-labelledby={legendId} data-field={formatFieldPath(path)}>
      <div className="-mt-1 flex items-center justify-between gap-2">
        <span id={legendId} className="text-sm font-semibold">
          {title}
        </span>
        {actions}
      </div>
      <FieldShell
        id={fieldDomId(elementId, [...path, 'name'])}
        field={formatFieldPath([...path, 'name'])}
        label="Condition name"
        counter={{
          length: typeof name === 'string' ? name.length : 0,
          max: 100,
        }}
        issues={nameIssues}
      >
        {(control) => (
          <Input
            {...control}
            value={typeof name === 'string' ? name : ''}
            maxLength={100}
            onChange={(event) =>
              editor.set([...path, 'name'], event.target.value, {
                typing: true,
              })
            }
          />
        )}
      </FieldShell>
      {entries > 1 && <MatchSelect elementId={elementId} path={[...path, 'match']} label="Join the rules with" />}
      <FieldMessages id={`${fieldDomId(elementId, path)}-messages`} issues={conditionIssues} />
      <div className="grid gap-2" data-field={formatFieldPath([...path, 'rules'])}>
        {Array.from({ length: ownRules }, (_, rule) => (
          <RuleRow
            key={rule}
            elementId={elementId}
            path={[...path, 'rules', rule]}
            name={`Rule ${rule + 1}`}
            fields={fields}
            canRemove={total > 1}
            onRemove={() => editor.set([...path, 'rules', rule], undefined)}
          />
        ))}
        <FieldMessages id={`${fieldDomId(elementId, [...path, 'rules'])}-messages`} issues={rulesIssues} />
      </div>
      {groupSizes.map((size, group) => (
        <GroupCard
          key={group}
          elementId={elementId}
          conditionIndex={index}
          groupIndex={group}
          path={[...path, 'groups', group]}
          size={size}
          canAddRule={canAddRule}
          fields={fields}
        />
      ))}
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="outline"
          size="sm"
          disabled={!canAddRule}
          onClick={() => {
            editCondition(editor, index, addRule);
            focusAfterEdit(`#${CSS.escape(fieldDomId(elementId, [...path, 'rules', ownRules, 'attribute']))}`);
          }}
        >
          <PlusIcon />
          Add rule
        </Button>
        <Button variant="outline" size="sm" disabled={!canAddRule} onClick={() => editCondition(editor, index, addGroup)}>
          <PlusIcon />
          Add group
        </Button>
        <span className="ml-auto text-xs text-muted-foreground tabular-nums">
          <span className="sr-only">{`${total} rules of at most ${maxRulesPerCondition}`}</span>
          <span aria-hidden="true">
            Rules {total} / {maxRulesPerCondition}
          </span>
        </span>
      </div>
    </fieldset>
  );
}

type GroupCardProps = {
  elementId: string;
  conditionIndex: number;
  groupIndex: number;
  path: FieldPath;
  size: number;
  canAddRule: boolean;
  fields: RuleFields;
};

function GroupCard({ elementId, conditionIndex, groupIndex, path, size, canAddRule, fields }: GroupCardProps) {
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const legendId = `${fieldDomId(elementId, path)}-legend`;
  const title = `Group ${groupIndex + 1}`;
  return (
    <fieldset className="grid min-w-0 gap-2 rounded-md border border-dashed p-3" aria-labelledby={legendId} data-field={formatFieldPath(path)}>
      <div className="-mt-1 flex items-center justify-between gap-2">
        <span id={legendId} className="text-sm font-medium">
          {title}
        </span>
        <Button
          variant="ghost"
          size="icon"
          className="size-7 text-muted-foreground hover:text-destructive"
          aria-label={`Remove group ${groupIndex + 1}`}
          title={`Remove group ${groupIndex + 1}`}
          onClick={() =>
            editCondition(editor, conditionIndex, (condition) => {
              const groups = (condition.groups ?? []).filter((_, position) => position !== groupIndex);
              const next: EditorCondition = { ...condition, groups };
              if (groups.length === 0) delete next.groups;
              return next;
            })
          }
        >
          <TrashIcon />
        </Button>
      </div>
      {size > 1 && <MatchSelect elementId={elementId} path={[...path, 'match']} label="Join the group's rules with" />}
      {Array.from({ length: size }, (_, rule) => (
        <RuleRow
          key={rule}
          elementId={elementId}
          path={[...path, 'rules', rule]}
          name={`Rule ${rule + 1}`}
          fields={fields}
          canRemove={size > 1}
          onRemove={() => editor.set([...path, 'rules', rule], undefined)}
        />
      ))}
      <FieldMessages id={`${fieldDomId(elementId, path)}-messages`} issues={issues} />
      <div>
        <Button
          variant="outline"
          size="sm"
          disabled={!canAddRule}
          onClick={() => {
            editCondition(editor, conditionIndex, (condition) => addGroupRule(condition, groupIndex));
            focusAfterEdit(`#${CSS.escape(fieldDomId(elementId, [...path, 'rules', size, 'attribute']))}`);
          }}
        >
          <PlusIcon />
          Add rule to group
        </Button>
      </div>
    </fieldset>
  );
}

/** AND / OR of a condition or group; absent means AND ("all"), so choosing AND removes the field. */
function MatchSelect({ elementId, path, label }: { elementId: string; path: FieldPath; label: string }) {
  const stored = useElementValue(elementId, path);
  const editor = useElementEditor(elementId);
  const issues = useFieldIssues(elementId, path);
  const value = stored === 'any' ? 'any' : 'all';
  return (
    <FieldShell id={fieldDomId(elementId, path)} field={formatFieldPath(path)} label={label} issues={issues}>
      {(control) => (
        <Select value={value} onValueChange={(next) => editor.set(path, next === 'all' ? undefined : next)}>
          <SelectTrigger {...control}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {matchOptions.map((option) => (
              <SelectItem key={option.value} value={option.value}>
                {option.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      )}
    </FieldShell>
  );
}

type RuleRowProps = {
  elementId: string;
  path: FieldPath;
  name: string;
  fields: RuleFields;
  canRemove: boolean;
  onRemove: () => void;
};

/** One rule: attribute, operator (those that fit the attribute's declared type), value (not for is-empty / is-not-empty). */
function RuleRow({ elementId, path, name, fields, canRemove, onRemove }: RuleRowProps) {
  const editor = useElementEditor(elementId);
  const attribute = useElementValue(elementId, [...path, 'attribute']);
  const operator = useElementValue(elementId, [...path, 'operator']);
  const value = useElementValue(elementId, [...path, 'value']);
  const declaredType = useFlow((state) => {
    if (typeof attribute !== 'string') return undefined;
    return (
      state.flow.attributes.find((declaration) => declaration.name === attribute) ?? builtInAttributes.find((declaration) => declaration.name === attribute)
    )?.type;
  });
  const operatorIssues = useFieldIssues(elementId, [...path, 'operator']);
  const valueIssues = useFieldIssues(elementId, [...path, 'value']);
  const ruleIssues = useFieldIssues(elementId, path);
  const legendId = `${fieldDomId(elementId, path)}-legend`;
  const operators = fields.operators.filter((option) => {
    const parsed = conditionOperatorSchema.safeParse(option.value);
    return declaredType === undefined || option.value === operator || !parsed.success || operatorAppliesTo(parsed.data, declaredType);
  });
  const needsValue = typeof operator !== 'string' || !valueless.includes(operator);
  const placeholder =
    declaredType === 'number' ? 'e.g. 100' : declaredType === 'date' ? 'YYYY-MM-DD' : declaredType === 'boolean' ? 'true or false' : 'Value or {{attribute}}';
  return (
    <fieldset className="grid min-w-0 gap-2 rounded-md bg-muted/50 p-2" aria-labelledby={legendId} data-field={formatFieldPath(path)}>
      <div className="flex items-center justify-between gap-2">
        <span id={legendId} className="text-xs font-medium text-muted-foreground">
          {name}
        </span>
        <Button
          variant="ghost"
          size="icon"
          className="size-7 text-muted-foreground hover:text-destructive"
          aria-label={`Remove ${name.toLowerCase()}`}
          title={canRemove ? `Remove ${name.toLowerCase()}` : 'A condition needs at least one rule'}
          disabled={!canRemove}
          onClick={onRemove}
        >
          <TrashIcon />
        </Button>
      </div>
      {fields.attribute && <AttributeField elementId={elementId} field={fields.attribute} path={[...path, 'attribute']} label="Attribute" />}
      <FieldShell id={fieldDomId(elementId, [...path, 'operator'])} field={formatFieldPath([...path, 'operator'])} label="Operator" issues={operatorIssues}>
        {(control) => (
          <Select
            value={typeof operator === 'string' ? operator : ''}
            onValueChange={(next) =>
              editor.updateElement((element) => {
                const withOperator = setAtPath(element, [...path, 'operator'], next);
                return valueless.includes(next) ? setAtPath(withOperator, [...path, 'value'], undefined) : withOperator;
              })
            }
          >
            <SelectTrigger {...control}>
              <SelectValue placeholder="Choose an operator…" />
            </SelectTrigger>
            <SelectContent>
              {operators.map((option) => (
                <SelectItem key={option.value} value={option.value}>
                  {option.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
      </FieldShell>
      {needsValue && (
        <FieldShell id={fieldDomId(elementId, [...path, 'value'])} field={formatFieldPath([...path, 'value'])} label="Value" issues={valueIssues}>
          {(control) => (
            <Input
              {...control}
              value={typeof value === 'string' ? value : ''}
              maxLength={1000}
              placeholder={placeholder}
              onChange={(event) =>
                editor.set([...path, 'value'], event.target.value, {
                  typing: true,
                })
              }
            />
          )}
        </FieldShell>
      )}
      <FieldMessages id={`${fieldDomId(elementId, path)}-messages`} issues={ruleIssues} />
    </fieldset>
  );
}
