import type { Tx } from './create-db';
import type { CsatResponse } from './generated/client';

export type RecordCsatResponseInput = {
  workspaceId: string;
  botId: string;
  sessionId: string;
  /** As the CSAT element names it: '1-2' | '1-5' | '1-10' | 'emoji'. */
  scale: string;
  /** The scale's number; emoji: 1 negative, 2 neutral, 3 positive. */
  score: number;
  /** The answer to the feedback question, if one was asked and answered. */
  feedback?: string | null;
};

/** Stores one answered CSAT survey (Chatbots analytics: average, distribution, responses). */
export async function recordCsatResponse(tx: Tx, input: RecordCsatResponseInput): Promise<CsatResponse> {
  return tx.csatResponse.create({
    data: {
      workspaceId: input.workspaceId,
      botId: input.botId,
      sessionId: input.sessionId,
      scale: input.scale,
      score: input.score,
      feedback: input.feedback ?? null,
    },
  });
}
