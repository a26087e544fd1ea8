import { describe, expect, it } from 'vitest';
import { describeFlowIssue, describeFlowIssues, FlowInvalidError } from './flow-invalid-error';

describe('describeFlowIssue', () => {
  it('names the element and the field', () => {
    expect(
      describeFlowIssue({ path: 'dialogs[0].elements[1].text', dialogId: 'main', elementId: 'greet', field: 'text', rule: 'too-small', message: 'Too short' }),
    ).toBe('element greet, field text: Too short');
  });

  it('falls back to the dialog, then to the document path', () => {
    expect(describeFlowIssue({ path: 'dialogs[0].startElementId', dialogId: 'main', field: 'startElementId', rule: 'r', message: 'm' })).toBe(
      'dialog main, field startElementId: m',
    );
    expect(describeFlowIssue({ path: 'dialogs[3]', rule: 'r', message: 'm' })).toBe('dialogs[3]: m');
    expect(describeFlowIssue({ path: '', rule: 'r', message: 'm' })).toBe('flow: m');
  });
});

describe('describeFlowIssues', () => {
  it('counts the errors and lists at most five', () => {
    const issues = Array.from({ length: 7 }, (_, index) => ({ path: `p${index}`, rule: 'r', message: `m${index}` }));
    const message = describeFlowIssues('Draft', issues);
    expect(message).toBe('Draft is not a valid flow (7 errors): p0: m0; p1: m1; p2: m2; p3: m3; p4: m4; and 2 more');
  });

  it('keeps every issue on the error', () => {
    const issues = [{ path: 'version', field: 'version', rule: 'unsupported-version', message: 'old' }];
    const error = new FlowInvalidError('Draft', issues);
    expect(error.issues).toEqual(issues);
    expect(error.message).toBe('Draft is not a valid flow (1 error): field version: old');
  });
});
