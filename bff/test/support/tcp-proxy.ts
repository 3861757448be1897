// A TCP proxy in front of Postgres that the store-outage test controls: forward, refuse (stopped), or
// swallow (accepts connections and never answers), always on the same port.
import net from 'node:net';

export type ProxyMode = 'forward' | 'stopped' | 'blackhole';

export interface TcpProxy {
  port: number;
  set(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const onConnection = (client: net.Socket) => {
    track(client);
    if (mode === 'blackhole') return; // accepted, never answered
    const upstream = net.connect(targetPort, targetHost);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server = net.createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const stop = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const port = await listen(0);
  const dropAll = () => {
    for (const s of sockets) s.destroy();
  };

  return {
    port,
    async set(next) {
      dropAll(); // every existing connection dies with the change
      if (next === 'stopped') await stop();
      if (next !== 'stopped' && !server.listening) {
        server = net.createServer(onConnection);
        await listen(port);
      }
      mode = next;
    },
    async close() {
      dropAll();
      await stop();
    },
  };
}
