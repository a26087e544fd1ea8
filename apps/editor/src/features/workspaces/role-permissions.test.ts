import { describe, expect, it } from 'vitest';
import { can, homePath, mainLinks, settingsLinks } from './role-permissions';

const labels = (links: { label: string }[]) => links.map((link) => link.label);

describe('role permissions', () => {
  it('gives an owner everything', () => {
    expect(labels(mainLinks('owner'))).toEqual(['Bots', 'Components', 'Inbox', 'Settings']);
    expect(labels(settingsLinks('owner'))).toEqual(['Members', 'API keys', 'Channels', 'Audit log', 'Account']);
    expect(can('owner', 'revealSecrets')).toBe(true);
  });

  it('shows an agent only the Inbox and their account', () => {
    expect(labels(mainLinks('agent'))).toEqual(['Inbox', 'Account']);
    expect(labels(settingsLinks('agent'))).toEqual(['Account']);
    expect(can('agent', 'viewBots')).toBe(false);
    expect(homePath('agent')).toBe('/inbox');
  });

  it('lets an analyst read bots but not edit them', () => {
    expect(labels(mainLinks('analyst'))).toEqual(['Bots', 'Components', 'Account']);
    expect(can('analyst', 'viewBots')).toBe(true);
    expect(can('analyst', 'editBots')).toBe(false);
  });

  it('lets a builder edit bots and see channels, not their secrets', () => {
    expect(labels(mainLinks('builder'))).toEqual(['Bots', 'Components', 'Settings']);
    expect(labels(settingsLinks('builder'))).toEqual(['Channels', 'Account']);
    expect(can('builder', 'editBots')).toBe(true);
    expect(can('builder', 'revealSecrets')).toBe(false);
    expect(homePath('builder')).toBe('/bots');
  });

  it('gives nothing to an unknown or missing role', () => {
    expect(can(null, 'inbox')).toBe(false);
    expect(can('superuser', 'audit')).toBe(false);
    expect(labels(mainLinks(null))).toEqual(['Account']);
  });
});
