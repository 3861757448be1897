// The BFF's HTTP server. Requests and responses are instances of subclasses of Node's IncomingMessage and
// ServerResponse whose prototypes are then made Express's `app.request` / `app.response`. Two costs go away
// on every request (measured on the proxied GET of e2e/bench/bff-overhead.mjs):
// - Express gives each request and response its prototypes on arrival (Object.setPrototypeOf), which changes
//   the shape of objects Node's HTTP code has already seen; with the prototypes already right it is a no-op;
// - a class (rather than a function calling IncomingMessage.call(this)) lets V8 size the objects for the
//   fields Node's constructors set, so that they keep fast properties when Express, express-session and the
//   request log add theirs (instead of turning into slow dictionary objects on every request).
import http from 'node:http';
import type { Express } from 'express';

export function createServer(app: Express): http.Server {
  class Request extends http.IncomingMessage {}
  class Response extends http.ServerResponse {}
  Object.setPrototypeOf(Request.prototype, app.request);
  Object.setPrototypeOf(Response.prototype, app.response);
  app.request = Request.prototype as typeof app.request;
  app.response = Response.prototype as typeof app.response;
  return http.createServer({ IncomingMessage: Request, ServerResponse: Response }, app);
}
