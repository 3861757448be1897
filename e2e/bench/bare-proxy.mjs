#!/usr/bin/env node
// The unavoidable cost of an extra hop, for bff-overhead.mjs: a bare http-proxy-middleware pass-through
// (keep-alive agent, no session, no auth, no logging). Env: PORT, TARGET. Prints "ready <port>".
import http from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';

const proxy = createProxyMiddleware({ target: process.env.TARGET, changeOrigin: true, agent: new http.Agent({ keepAlive: true, maxSockets: 64 }) });
const server = http.createServer((req, res) =>
  proxy(req, res, () => {
    res.statusCode = 404;
    res.end();
  }),
);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`ready ${server.address().port}`));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
