/** One server-sent event as a browser's EventSource would dispatch it. */
export type SseEvent = { id?: string; event: string; data: string };

/**
 * A minimal EventSource for tests (Node 20 has none): one connection read with
 * fetch, frames parsed as the SSE spec says (`id:`, `event:`, `data:`, comments
 * ignored). Keeps every event; `waitFor` polls the list.
 */
export class SseStream {
  readonly events: SseEvent[] = [];
  private done = false;

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {}

  /** Opens the stream; resolves once the response headers arrived (check `response.status`). */
  static async open(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
    const abort = new AbortController();
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
    const stream = new SseStream(response, abort);
    if (response.ok && response.body) void stream.read(response.body);
    return stream;
  }

  /** The message events (the default event type), i.e. the bot replies. */
  get messages(): SseEvent[] {
    return this.events.filter((event) => event.event === 'message');
  }

  async waitFor(what: string, check: (events: SseEvent[]) => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this.events)) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; got ${JSON.stringify(this.events)}`);
      if (this.done && !check(this.events)) throw new Error(`Stream ended before ${what}; got ${JSON.stringify(this.events)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Resolves once the server said the stream is live (`event: ready`). */
  async ready(): Promise<void> {
    await this.waitFor('the ready event', (events) => events.some((event) => event.event === 'ready'));
  }

  close(): void {
    this.done = true;
    this.abort.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    } finally {
      this.done = true;
    }
  }

  private dispatch(frame: string): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    this.events.push({ ...(id === undefined ? {} : { id }), event, data: data.join('\n') });
  }
}
