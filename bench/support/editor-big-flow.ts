import type { FlowInput } from '@parley/engine';

type FlowElement = FlowInput['dialogs'][number]['elements'][number];
type FlowEdge = FlowInput['dialogs'][number]['edges'][number];
type FlowDialog = FlowInput['dialogs'][number];

export type BigFlowOptions = {
  /** Number of dialogs; the first is the entry dialog. */
  dialogs: number;
  /** Elements in each dialog. */
  elementsPerDialog: number;
};

/** Elements in one block of the repeating pattern (see bigFlow). */
export const bigFlowBlockSize = 10;
/** Canvas grid: elements per row and the distance between cells (a node is 240 px wide, up to about 180 px tall). */
const gridColumns = 10;
const cellWidth = 300;
const cellHeight = 260;

/**
 * A large bot for the editor benchmark, valid (validateFlow: no errors, no warnings):
 * each dialog repeats a 10-element block of the order-status conversation a support bot
 * has: Send message with two quick replies → User response with two keywords (both go
 * on) → Save user response (the order number) → API (GET the order, status code and
 * total saved) → Conditions (two conditions and Else: "Paid" goes on, "Not found" to a
 * To Dialog, Else to a Close session; a dialog may hold one Conditions element, so later
 * blocks ask instead: a User response with three keywords branching the same way) → Send
 * message → Send message → User response
 * (free text) → the next block. Elements sit on a 10-column grid in chain order; every
 * element is reachable from the dialog's start (the first element). The To Dialog of
 * dialog k goes to dialog k+1 (the last back to the first; a one-dialog bot to itself),
 * so every dialog is reachable too. A dialog whose size is not a multiple of 10 ends
 * with the first elements of a block.
 */
export function bigFlow({ dialogs, elementsPerDialog }: BigFlowOptions): FlowInput {
  return {
    version: 1,
    attributes: [
      { name: 'topic', type: 'text', scope: 'session' },
      { name: 'orderId', type: 'text', scope: 'session' },
      { name: 'statusCode', type: 'number', scope: 'session' },
      { name: 'orderTotal', type: 'number', scope: 'session' },
      { name: 'comment', type: 'text', scope: 'session' },
    ],
    entryDialogId: dialogId(0),
    dialogs: Array.from({ length: dialogs }, (_, index) => bigDialog(index, elementsPerDialog, dialogId((index + 1) % dialogs))),
  };
}

function dialogId(index: number): string {
  return `dialog-${index + 1}`;
}

function bigDialog(index: number, size: number, nextDialogId: string): FlowDialog {
  const prefix = `d${index + 1}`;
  const elements: FlowElement[] = [];
  const edges: FlowEdge[] = [];
  const idAt = (position: number): string => `${prefix}-e${String(position + 1).padStart(3, '0')}`;
  const link = (from: number, to: number, port?: string): void => {
    if (to >= size) return;
    edges.push({ id: `${idAt(from)}-${port?.replace(/\W/g, '-') ?? 'next'}`, from: idAt(from), ...(port === undefined ? {} : { port }), to: idAt(to) });
  };
  for (let position = 0; position < size; position += 1) {
    const block = Math.floor(position / bigFlowBlockSize);
    const base = block * bigFlowBlockSize;
    const element = blockElement(position - base, block, nextDialogId);
    elements.push({ ...element, id: idAt(position), position: { x: (position % gridColumns) * cellWidth, y: Math.floor(position / gridColumns) * cellHeight } });
    switch (position - base) {
      case 0:
        link(position, position + 1);
        break;
      case 1:
        link(position, position + 1, 'keyword:order');
        link(position, position + 1, 'keyword:other');
        break;
      case 4:
        for (const [offset, port] of branchPorts(block).entries()) link(position, position + 1 + offset, port);
        break;
      case 5:
        link(position, position + 3);
        break;
      case 6:
      case 7:
        break;
      default:
        link(position, position + 1);
    }
  }
  return { id: dialogId(index), name: `Orders ${index + 1}`, startElementId: idAt(0), elements, edges };
}

/**
 * The three branch ports of slot 4, in the order of their targets (slots 5, 6 and 7): the
 * Conditions element of the first block (one per dialog at most), a User response with
 * three keywords in the others.
 */
function branchPorts(block: number): readonly string[] {
  return block === 0 ? ['condition:paid', 'condition:missing', 'else'] : ['keyword:yes', 'keyword:agent', 'keyword:no'];
}

/** The element at `slot` (0–9) of block `block`, without id and position. */
function blockElement(slot: number, block: number, nextDialogId: string): FlowElement {
  const n = block + 1;
  switch (slot) {
    case 0:
      return { id: '', type: 'send-message', text: `Hello again (step ${n}). What can I help you with?`, buttons: [{ label: 'Order status' }, { label: 'Something else' }] };
    case 1:
      return {
        id: '',
        type: 'user-response',
        keywords: [
          { id: 'order', text: 'order status', synonyms: ['where is my order'] },
          { id: 'other', text: 'something else' },
        ],
        saveAs: 'topic',
        repeat: 1,
        repeatMessage: { text: 'Please tap one of the buttons.' },
        timeoutSeconds: 600,
      };
    case 2:
      return {
        id: '',
        type: 'save-user-response',
        message: { text: 'What is your order number?' },
        saveAs: 'orderId',
        validation: { type: 'regex', pattern: '^[A-Z0-9-]{4,20}$', flags: 'i' },
        repeat: 2,
        repeatMessage: { text: 'An order number looks like AB-1234. Please try again.' },
      };
    case 3:
      return {
        id: '',
        type: 'api',
        method: 'GET',
        url: 'https://shop.example.com/api/orders/{{orderId}}',
        headers: [{ key: 'Accept', value: 'application/json' }],
        response: { saveStatusCodeAs: 'statusCode', headers: [], body: [{ attribute: 'orderTotal', path: 'order.total', xmlMode: 'text' }] },
        timeoutSeconds: 10,
        retries: 1,
      };
    case 4:
      if (block > 0) {
        return {
          id: '',
          type: 'user-response',
          keywords: [
            { id: 'yes', text: 'yes', synonyms: ['yep', 'sure'] },
            { id: 'agent', text: 'talk to someone' },
            { id: 'no', text: 'no thanks' },
          ],
          nlp: true,
        };
      }
      return {
        id: '',
        type: 'conditions',
        conditions: [
          {
            id: 'paid',
            name: 'Paid',
            match: 'all',
            rules: [
              { attribute: 'statusCode', operator: 'equal', value: '200' },
              { attribute: 'orderTotal', operator: 'greater-than', value: '0' },
            ],
          },
          { id: 'missing', name: 'Not found', rules: [{ attribute: 'statusCode', operator: 'equal', value: '404' }] },
        ],
      };
    case 5:
      return { id: '', type: 'send-message', text: 'Order {{orderId}} is paid: {{orderTotal}} EUR. It ships within two days.' };
    case 6:
      return { id: '', type: 'to-dialog', dialogId: nextDialogId };
    case 7:
      return { id: '', type: 'close-session' };
    case 8:
      return { id: '', type: 'send-message', text: 'Anything else you would like to tell us about your order?' };
    default:
      return { id: '', type: 'user-response', saveAs: 'comment', timeoutSeconds: 900 };
  }
}
