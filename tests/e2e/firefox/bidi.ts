// A minimal WebDriver BiDi client: commands with their replies, and events. Playwright drives only its own
// patched Firefox builds; the Firefox a reader installs speaks WebDriver BiDi, so the Firefox tests talk to
// it directly. Only what the tests use is here (https://w3c.github.io/webdriver-bidi/).
import WebSocket from 'ws';

type Listener = (params: any) => void;

export class BidiConnection {
  private next = 0;
  private waiting = new Map<number, { resolve: (result: any) => void; reject: (error: Error) => void; method: string }>();
  private listeners = new Map<string, Set<Listener>>();

  private constructor(private socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'event') {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
        return;
      }
      const pending = this.waiting.get(message.id);
      if (!pending) return;
      this.waiting.delete(message.id);
      if (message.type === 'success') pending.resolve(message.result);
      else pending.reject(new Error(`${pending.method}: ${message.error}: ${message.message}`));
    });
    socket.on('close', () => {
      for (const pending of this.waiting.values()) pending.reject(new Error(`${pending.method}: the browser closed the connection`));
      this.waiting.clear();
    });
  }

  static async connect(url: string): Promise<BidiConnection> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new BidiConnection(socket);
  }

  send<T = any>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(event: string, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}
