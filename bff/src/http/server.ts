// The BFF's HTTP server. Its requests and responses are created with Express's own prototypes: Express gives
// every request and response those prototypes on arrival (Object.setPrototypeOf), which changes the shape of
// objects Node's HTTP code has already seen and slows every later property access on them; created with
// them from the start, that call changes nothing.
import http from 'node:http';
import type { Express } from 'express';

export function createServer(app: Express): http.Server {
  function Request(this: http.IncomingMessage, socket: import('node:net').Socket) {
    http.IncomingMessage.call(this, socket);
  }
  Request.prototype = app.request;
  function Response(this: http.ServerResponse, req: http.IncomingMessage, options?: unknown) {
    (http.ServerResponse as unknown as (this: http.ServerResponse, req: http.IncomingMessage, options?: unknown) => void).call(this, req, options);
  }
  Response.prototype = app.response;
  return http.createServer(
    { IncomingMessage: Request as unknown as typeof http.IncomingMessage, ServerResponse: Response as unknown as typeof http.ServerResponse },
    app,
  );
}
