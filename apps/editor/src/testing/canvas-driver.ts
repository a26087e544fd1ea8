import type { Locator, Page } from 'playwright-core';

/**
 * Drives the bot editor's canvas the way a person does, with the mouse and the keyboard
 * only: palette buttons, clicks on nodes, the canvas's own shortcuts (Shift+2 zooms to the
 * selection) and handle-to-handle drags. Element ids are read from the DOM
 * (`data-testid="node-<id>"`), never from the document store.
 */

type Box = { x: number; y: number; width: number; height: number };

/** The canvas node of element `id`. */
export function canvasNode(page: Page, id: string): Locator {
  return page.getByTestId(`node-${id}`);
}

/** The ids of the elements shown on the open dialog's canvas. */
export async function canvasElementIds(page: Page): Promise<string[]> {
  const testIds = await page.getByTestId('dialog-canvas').locator('[data-testid^="node-"][data-element-type]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
  return testIds.map((testId) => testId.slice('node-'.length));
}

/**
 * Adds an element with its palette button ("Add <title>": next to the selected element, or
 * in the middle of the view) and waits for its node; its id.
 */
export async function addElement(page: Page, title: string): Promise<string> {
  const before = new Set(await canvasElementIds(page));
  await page.getByRole('region', { name: 'Elements' }).getByRole('button', { name: `Add ${title}`, exact: true }).click();
  const canvas = page.getByTestId('dialog-canvas');
  await canvas.locator('[data-testid^="node-"][data-element-type]').nth(before.size).waitFor({ state: 'attached' });
  const added = (await canvasElementIds(page)).filter((id) => !before.has(id));
  if (added.length !== 1) throw new Error(`Add ${title}: expected one new element, found ${JSON.stringify(added)}`);
  const [id] = added;
  if (id === undefined) throw new Error(`Add ${title}: no new element`);
  await page.getByRole('complementary', { name: 'Element settings' }).locator(`[data-element-settings="${id}"]`).waitFor();
  return id;
}

/** Resolves once the locator's box has stayed the same for two animation frames (a zoom or pan has finished). */
export async function settledBox(locator: Locator, timeoutMs = 5_000): Promise<Box> {
  const page = locator.page();
  const deadline = Date.now() + timeoutMs;
  await locator.waitFor({ state: 'visible', timeout: timeoutMs });
  let previous: Box | null = null;
  while (Date.now() < deadline) {
    const box = await locator.boundingBox({ timeout: timeoutMs });
    if (box && previous && box.x === previous.x && box.y === previous.y && box.width === previous.width && box.height === previous.height) return box;
    previous = box;
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  }
  throw new Error(`${String(locator)} did not settle within ${timeoutMs} ms`);
}

/** Fits the whole dialog into view with the canvas's "Fit View" control. */
export async function fitView(page: Page): Promise<void> {
  await page.getByTestId('dialog-canvas').getByRole('button', { name: 'Fit View' }).click();
}

/**
 * Selects exactly these elements by clicking their nodes (Ctrl adds to the selection),
 * after fitting the dialog into view, then zooms to them with Shift+2; resolves when the
 * view has settled.
 */
export async function zoomToElements(page: Page, ids: readonly string[]): Promise<void> {
  await fitView(page);
  // Escape (the focus is on the Fit View control, not in a field) clears the selection first.
  await page.keyboard.press('Escape');
  for (const [index, id] of ids.entries()) {
    const node = canvasNode(page, id);
    await settledBox(node);
    // The node's header (its type), away from the handles on its sides.
    await node.click({ position: { x: 24, y: 10 }, modifiers: index === 0 ? [] : ['Control'] });
  }
  await page.keyboard.press('Shift+Digit2');
  const last = ids.at(-1);
  if (last !== undefined) await settledBox(canvasNode(page, last));
}

/** Selects one element by clicking its node (its settings open on the right). */
export async function selectElement(page: Page, id: string): Promise<void> {
  await zoomToElements(page, [id]);
  await page.getByRole('complementary', { name: 'Element settings' }).locator(`[data-element-settings="${id}"]`).waitFor();
}

/** A port of an element: its id (`next`, `else` ...) or the label shown beside its handle (a keyword, a condition's name). */
export type PortRef = string | { label: string };

/** The source handle of a port of element `id`. */
export function portHandle(page: Page, id: string, port: PortRef): Locator {
  if (typeof port === 'string') return page.getByTestId(`handle-${id}-${port}`);
  return canvasNode(page, id)
    .locator('li')
    .filter({ has: page.getByText(port.label, { exact: true }) })
    .locator('.react-flow__handle');
}

type Point = { x: number; y: number };

/**
 * A point of the locator's box that a pointer reaches (no minimap, control or neighbouring
 * row over it): its centre, else its outer left or right part (a handle sits half outside
 * its node); null when none is.
 */
async function reachablePoint(locator: Locator, box: Box): Promise<Point | null> {
  const y = box.y + box.height / 2;
  const candidates = [0.5, 0.25, 0.75].map((fraction) => ({ x: box.x + box.width * fraction, y }));
  const index = await locator.evaluate(
    (element, points) =>
      points.findIndex((point) => {
        const hit = document.elementFromPoint(point.x, point.y);
        return hit !== null && (element === hit || element.contains(hit));
      }),
    candidates,
  );
  return candidates[index] ?? null;
}

/** Points of the handles a pointer can reach once the view has settled, zooming out (the canvas's "Zoom Out" control) while something covers one. */
async function reachablePoints(page: Page, handles: readonly Locator[]): Promise<Point[]> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const boxes = await Promise.all(handles.map((handle) => settledBox(handle)));
    const points = await Promise.all(handles.map((handle, index) => (boxes[index] ? reachablePoint(handle, boxes[index]) : null)));
    const reached = points.filter((point) => point !== null);
    if (reached.length === handles.length) return reached;
    await page.getByTestId('dialog-canvas').getByRole('button', { name: 'Zoom Out' }).click();
  }
  throw new Error(`${handles.map(String).join(' or ')} stays covered on the canvas`);
}

/**
 * Connects a port of element `from` to element `to` by dragging from the port's handle to
 * the target's input handle with the mouse (after zooming to both); waits for the new edge.
 */
export async function connect(page: Page, from: string, port: PortRef, to: string): Promise<void> {
  const edges = page.locator(`[aria-label="Edge from ${from} to ${to}"]`);
  const before = await edges.count();
  await zoomToElements(page, [from, to]);
  const [source, target] = await reachablePoints(page, [portHandle(page, from, port), page.getByTestId(`handle-${to}-in`)]);
  if (!source || !target) throw new Error('no handle points');
  await page.mouse.move(source.x, source.y);
  await page.mouse.down();
  await page.mouse.move(source.x + 20, source.y + 5, { steps: 3 });
  await page.mouse.move(target.x, target.y, { steps: 12 });
  await page.mouse.up();
  await edges.nth(before).waitFor({ state: 'attached', timeout: 5_000 });
}
