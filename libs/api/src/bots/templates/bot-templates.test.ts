import { migrateFlow, seededRandom, step, validateFlow, type EngineEvent, type SessionState, type StepResult } from '@parley/engine';
import { describe, expect, it } from 'vitest';
import { starterFlow } from '../../starter-flow';
import { botTemplateIds, botTemplates, type BotTemplateId } from './bot-templates';

/** Plays `replies` to a new session of the template's flow; returns what the bot sent after each message and whether it closed. */
function converse(id: BotTemplateId, replies: string[]): { sent: string[][]; buttons: string[][]; closed: boolean } {
  const flow = migrateFlow(botTemplates[id].flow());
  let session: SessionState | null = null;
  const sent: string[][] = [];
  const buttons: string[][] = [];
  for (const [index, text] of replies.entries()) {
    const event: EngineEvent = { type: 'user.message', messageId: `m${index}`, text, receivedAt: index * 1000 };
    const result: StepResult = step(flow, session, event, { now: index * 1000, random: seededRandom(1) });
    session = result.session;
    const sends = result.commands.flatMap((command) => (command.type === 'send' ? [command] : []));
    sent.push(sends.map((command) => command.text));
    buttons.push(sends.flatMap((command) => (command.buttons ?? []).map((button) => button.label)));
  }
  return { sent, buttons, closed: session?.status === 'closed' };
}

describe('bot templates', () => {
  it('are listed under their own ids, empty first', () => {
    expect(botTemplateIds[0]).toBe('empty');
    for (const id of botTemplateIds) {
      expect(botTemplates[id].id).toBe(id);
      expect(botTemplates[id].name.length).toBeGreaterThan(0);
      expect(botTemplates[id].description.length).toBeGreaterThan(0);
    }
  });

  it.each(botTemplateIds)('%s is a valid flow with no errors and no warnings, fresh on every call', (id) => {
    expect(validateFlow(botTemplates[id].flow())).toEqual({ ok: true, errors: [], warnings: [] });
    const first = botTemplates[id].flow();
    first.dialogs.pop();
    expect(botTemplates[id].flow().dialogs.length).toBeGreaterThan(0);
  });

  it("'empty' is the starter flow", () => {
    expect(botTemplates.empty.flow()).toEqual(starterFlow());
  });

  it("'faq' offers the topics as buttons and answers the one tapped, or typed in other words, then closes", () => {
    const tapped = converse('faq', ['hi', 'Prices']);
    expect(tapped.sent[0]).toEqual(['Hi! What would you like to know?']);
    expect(tapped.buttons[0]).toEqual(['Opening hours', 'Prices', 'Contact']);
    expect(tapped.sent[1]).toEqual(['Plans start at 10 € a month; see example.com/pricing.']);
    expect(tapped.closed).toBe(true);

    const typed = converse('faq', ['hello', 'when are you open?']);
    expect(typed.sent[1]).toEqual(['We are open Monday to Friday, 9:00 to 17:00.']);
    expect(typed.closed).toBe(true);
  });

  it("'faq' asks again once after a reply matching no topic, then says where to write", () => {
    const lost = converse('faq', ['hi', 'xyzzy', 'plugh']);
    expect(lost.sent[1]).toEqual(['Sorry, I did not get that. Pick one of the buttons: Opening hours, Prices or Contact.']);
    expect(lost.sent[2]).toEqual(['I cannot help with that here: write to us at hello@example.com.']);
    expect(lost.closed).toBe(true);
  });

  it("'lead-capture' asks the name, then an email until it is one, thanks by name and closes", () => {
    const lead = converse('lead-capture', ['hi', 'Ana', 'not an email', 'ana@example.com']);
    expect(lead.sent).toEqual([
      ['Hi! May I have your name?'],
      ['Thanks, Ana! What is your email address?'],
      ['That does not look like an email address. Please try again (for example ana@example.com).'],
      ['Thank you, Ana! We will write to you at ana@example.com soon.'],
    ]);
    expect(lead.closed).toBe(true);
  });
});
