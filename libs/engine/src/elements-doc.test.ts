import { readFileSync } from 'node:fs';
import { elementBaseSchema, elementSchema, elementSchemas, elementTypes } from '@parley/elements';
import { describe, expect, it } from 'vitest';
import { validateFlow } from './validate-flow';

/**
 * docs/elements.md must not drift from the code:
 * - every ```json block is JSON; every element object in it (a block with "id" and
 *   "type", or an item of an "elements" list, e.g. in a whole flow) parses with
 *   elementSchema, and every whole flow (a block with "version") passes validateFlow;
 * - every element type has a `## ` section naming it in backticks, with at least one
 *   example of that type, and that section names every field of the type's schema;
 * - links to headings inside the document resolve.
 */
const markdown = readFileSync(new URL('../../../docs/elements.md', import.meta.url), 'utf8');

/** The contents of the ```json blocks of `text`. */
function jsonBlocks(text: string): string[] {
  return [...text.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

const blocks = jsonBlocks(markdown);

function parseBlock(block: string): unknown {
  try {
    const parsed: unknown = JSON.parse(block);
    return parsed;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Element objects of a parsed block: the block itself when it has "id" and "type", and every item of any "elements" list. */
function elementsIn(value: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: unknown, key: string | undefined): void => {
    if (Array.isArray(node)) {
      for (const item of node) {
        if (key === 'elements' && isRecord(item)) found.push(item);
        else visit(item, undefined);
      }
    } else if (isRecord(node)) {
      for (const [childKey, child] of Object.entries(node)) visit(child, childKey);
    }
  };
  if (isRecord(value) && typeof value['id'] === 'string' && typeof value['type'] === 'string') found.push(value);
  else visit(value, undefined);
  return found;
}

const parsedBlocks = blocks.map(parseBlock);
const examples = parsedBlocks.flatMap(elementsIn);
const flows = parsedBlocks.filter((block): block is Record<string, unknown> => isRecord(block) && 'version' in block);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text of the `## ` section whose heading names `type` in backticks, or undefined. */
function sectionOf(type: string): string | undefined {
  const heading = new RegExp(`^## .*\`${escapeRegExp(type)}\``, 'm').exec(markdown);
  if (heading === null) return undefined;
  const rest = markdown.slice(heading.index + heading[0].length);
  const next = /^## /m.exec(rest);
  return heading[0] + (next === null ? rest : rest.slice(0, next.index));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as "-", repeats numbered. */
function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const match of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = (match[1] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const seen = counts.get(slug) ?? 0;
    counts.set(slug, seen + 1);
    anchors.add(seen === 0 ? slug : `${slug}-${seen}`);
  }
  return anchors;
}

describe('docs/elements.md', () => {
  it('has only well-formed ```json blocks', () => {
    const broken = blocks.filter((_block, index) => parsedBlocks[index] === undefined);
    expect(broken).toEqual([]);
  });

  it('shows element examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(elementTypes.length);
  });

  it.each(examples.map((example, index): [string, Record<string, unknown>] => [`${index} (${String(example['type'])} "${String(example['id'])}")`, example]))(
    'element example %s parses with elementSchema',
    (_label, example) => {
      const result = elementSchema.safeParse(example);
      expect(result.error?.issues ?? []).toEqual([]);
    },
  );

  it.each(flows.map((flow, index): [number, Record<string, unknown>] => [index, flow]))('whole flow %i is valid', (_index, flow) => {
    const result = validateFlow(flow);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it.each(elementTypes.map((type) => [type]))('has a section for %s, with an example and every field', (type) => {
    const section = sectionOf(type);
    expect(section, `a "## ... \`${type}\`" heading`).toBeDefined();
    const own = jsonBlocks(section ?? '').map(parseBlock).flatMap(elementsIn);
    expect(own.some((example) => example['type'] === type), `an example of ${type} in its section`).toBe(true);
    const base = Object.keys(elementBaseSchema.shape);
    const fields = Object.keys(elementSchemas[type].shape).filter((field) => field !== 'type' && !base.includes(field));
    const missing = fields.filter((field) => !new RegExp(`\`${escapeRegExp(field)}[\`.[]`).test(section ?? ''));
    expect(missing, `fields of ${type} not named in its section`).toEqual([]);
  });

  it('documents no element type that does not exist', () => {
    const headed = [...markdown.matchAll(/^## .*\(`([a-z-]+)`\)\s*$/gm)].map((match) => match[1]);
    expect(headed.filter((type) => !elementTypes.some((known) => known === type))).toEqual([]);
    expect(new Set(headed).size).toBe(headed.length);
  });

  it('names the fields every element has', () => {
    for (const field of Object.keys(elementBaseSchema.shape)) expect(markdown).toContain(`\`${field}\``);
  });

  it('links only to headings that exist', () => {
    const anchors = headingAnchors(markdown);
    const links = [...markdown.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1] ?? '');
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });
});
