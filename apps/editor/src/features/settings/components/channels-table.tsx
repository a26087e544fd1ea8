'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { browserApi, describeClientError, type RouterOutputs } from '../../../trpc/browser-api';
import { ConfirmButton } from '../../../ui/confirm-button';
import { Badge } from '../../../ui/badge';
import { Button } from '../../../ui/button';
import { CopyableValue } from '../../../ui/copyable-value';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { FormStatus } from '../../../ui/form-status';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow, TableRowHeader } from '../../../ui/table';

type Channel = RouterOutputs['channels']['list'][number];

type ChannelsTableProps = {
  channels: Channel[];
  /** Bot names by id, to say which bot a channel runs. */
  botNames: Record<string, string>;
  /** Owners may reveal a secret (audited); everyone else sees only its name. */
  canReveal: boolean;
};

/**
 * The workspace's channels with the names of their secrets. An owner can reveal one
 * secret after a confirmation: the value appears once, in a dialog, and is dropped
 * when the dialog closes; the API records the look in the audit log.
 */
export function ChannelsTable({ channels, botNames, canReveal }: ChannelsTableProps) {
  const [revealed, setRevealed] = useState<{ channel: string; name: string; value: string } | null>(null);
  const reveal = useMutation({
    mutationFn: (input: { channel: Channel; name: string }) => browserApi.channels.revealSecret.mutate({ channelId: input.channel.id, name: input.name }),
    onSuccess: (result, input) => setRevealed({ channel: input.channel.name, name: input.name, value: result.value }),
  });

  if (channels.length === 0) {
    return (
      <EmptyState id="no-channels" title="No channels yet">
        <p>Channels connect a bot to WhatsApp, Telegram, web chat or your own HTTP endpoint.</p>
      </EmptyState>
    );
  }
  return (
    <div className="grid gap-3">
      {reveal.isError && <FormStatus kind="error">Could not reveal the secret: {describeClientError(reveal.error)}</FormStatus>}
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Channel</TableHead>
            <TableHead scope="col">Type</TableHead>
            <TableHead scope="col">Bot</TableHead>
            <TableHead scope="col">State</TableHead>
            <TableHead scope="col">Secrets</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {channels.map((channel) => (
            <TableRow key={channel.id}>
              <TableRowHeader>
                {channel.name}
                <code className="block text-xs font-normal text-muted-foreground">{channel.id}</code>
              </TableRowHeader>
              <TableCell>{channel.type}</TableCell>
              <TableCell>{botNames[channel.botId] ?? <code className="text-xs">{channel.botId}</code>}</TableCell>
              <TableCell>{channel.enabled ? <Badge variant="success">enabled</Badge> : <Badge variant="secondary">disabled</Badge>}</TableCell>
              <TableCell>
                {channel.secretNames.length === 0 ? (
                  <span className="text-muted-foreground">None</span>
                ) : (
                  <ul className="grid gap-1.5">
                    {channel.secretNames.map((name) => (
                      <li key={name} className="flex items-center gap-2">
                        <code className="text-xs">{name}</code>
                        {canReveal && (
                          <ConfirmButton
                            label="Reveal"
                            ariaLabel={`Reveal ${name} of ${channel.name}`}
                            disabled={reveal.isPending}
                            title={`Reveal ${name} of ${channel.name}?`}
                            description="The value is shown once, to you. Revealing it is recorded in the workspace's audit log with your name."
                            confirmLabel="Reveal secret"
                            onConfirm={() => reveal.mutate({ channel, name })}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={revealed !== null} onOpenChange={(open) => !open && setRevealed(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>
              {revealed?.name} of {revealed?.channel}
            </DialogTitle>
            <DialogDescription>Copy it now: it is not shown again once you close this.</DialogDescription>
          </DialogHeader>
          <CopyableValue id="revealed-secret" label="Secret value" value={revealed?.value ?? ''} />
          <DialogFooter>
            <Button onClick={() => setRevealed(null)}>Done</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
