// Small real HTTP servers for the tests: an echo upstream standing in for core-api, and the BFF itself.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function listen(handler: RequestListener | undefined, host = 'localhost'): Promise<RunningServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface EchoedRequest {
  /** Client port of the connection the request came on (same port = keep-alive reuse). */
  remotePort: number;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Answers every request with the request it received as JSON; `/api/v1/slow` waits 2 s first;
 * `/api/v1/cors` also sends CORS, Set-Cookie and CSP headers (which the BFF must not pass on).
 */
export function startEchoUpstream(): Promise<RunningServer> {
  return listen(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url?.startsWith('/api/v1/slow')) await new Promise((r) => setTimeout(r, 2_000));
    const echoed: EchoedRequest = { remotePort: req.socket.remotePort ?? 0, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
    if (res.destroyed) return;
    if (req.url?.startsWith('/api/v1/cors')) {
      res.setHeader('access-control-allow-origin', '*');
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('set-cookie', 'upstream=1; Path=/');
      res.setHeader('content-security-policy', "default-src *");
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(echoed));
  }, '127.0.0.1');
}
