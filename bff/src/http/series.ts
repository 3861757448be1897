// Runs middleware one after the other inside a single Express layer: what a Router would do for a fixed list
// of handlers, without its per-layer path matching, parameter processing and prefix trimming, which cost
// measurably on the proxied API path (every browser API call). Errors, thrown or rejected, go to `next`.
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export function series(...handlers: RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let i = 0;
    const step = (err?: unknown): void => {
      if (err !== undefined && err !== null) return next(err);
      const handler = handlers[i++];
      if (!handler) return next();
      try {
        const result: unknown = handler(req, res, step);
        if (result instanceof Promise) result.catch((error: unknown) => step(error ?? new Error('rejected without a reason')));
      } catch (error) {
        step(error);
      }
    };
    step();
  };
}
