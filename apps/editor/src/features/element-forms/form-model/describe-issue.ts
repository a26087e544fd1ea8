import type { FlowIssue } from '@parley/engine';
import { elementRegistry } from '@parley/elements';
import type { EditorElement } from '../../bot-editor/document/editor-flow';
import { describeElementFields } from './describe-element-fields';

/**
 * An issue's message in the words of the editor: the leading `field` path becomes the
 * field's label as the settings show it ("`text` must not be empty." → "Message must not
 * be empty."; "`buttons[1].label`: …" → "Quick replies 2 › label: …"), and an element
 * quoted by its generated id is named by its title and name instead. Messages without
 * either stay as the engine wrote them. `element` is the issue's element (issue.elementId),
 * which the caller already holds: a node or a settings panel renders it anyway.
 */
export function describeIssue(element: EditorElement | undefined, issue: FlowIssue): string {
  let message = issue.message;
  if (element) {
    const field = /^`([^`]+)`/.exec(message);
    if (field?.[1]) {
      const path = field[1];
      const head = /^([A-Za-z_$][\w$]*)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(path);
      const described = head?.[1] ? describeElementFields(element.type).find((candidate) => candidate.key === head[1]) : undefined;
      if (head && described) {
        const index = head[2] === undefined ? '' : ` ${Number(head[2]) + 1}`;
        const rest = head[3] === undefined ? '' : ` › ${head[3]}`;
        message = `${described.label}${index}${rest}${message.slice(field[0].length)}`;
      }
    }
    const title = elementRegistry[element.type].title;
    const named = element.name?.trim() ? `${title} “${element.name.trim()}”` : `This ${title} element`;
    message = message.split(`"${element.id}"`).join(named);
  }
  return message;
}
