import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback between one client and the portal, whose line can be cut: `cut(ms)`
 * drops every open connection at once (both ends see it close) and refuses new ones for `ms`
 * (or until `restore()`).
 */
export class FlakyLink {
  drops = 0;
  private readonly open = new Set<Socket>();
  private downUntil = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Opens a link to `target` (e.g. `http://127.0.0.1:41234`) on a free port. */
  static async to(target: string): Promise<FlakyLink> {
    const { hostname, port } = new URL(target);
    // Connections arrive only after `link` exists: the port is unknown until listen() resolves.
    const server = createServer((client) => {
      if (Date.now() < link.downUntil) return void client.destroy();
      const upstream = connect(Number(port), hostname);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        link.open.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          link.open.delete(a);
          b.destroy();
        });
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    const link = new FlakyLink(server, `http://127.0.0.1:${address.port}`);
    return link;
  }

  /** Cuts the line now, for `ms`. */
  cut(ms: number) {
    this.drops++;
    this.downUntil = Date.now() + ms;
    for (const socket of this.open) socket.destroy();
  }

  /** Lets connections through again. */
  restore() {
    this.downUntil = 0;
  }

  close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
