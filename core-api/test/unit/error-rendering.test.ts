import { ErrorBody } from '@co2/contracts';
import { describe, expect, it } from 'vitest';
import { createError, ErrorCode, errors, renderError } from '../../src/errors/index.js';

describe('error rendering', () => {
  it('when a catalogue error is thrown, then its code, message, details and headers are rendered', () => {
    const rendered = renderError(errors.validationFailed([{ path: 'query.level', message: 'Too big' }]));
    expect(rendered).toEqual({
      status: 400,
      headers: {},
      unexpected: false,
      body: { error: { code: 'validation_failed', message: 'Invalid request: query.level: Too big', details: [{ path: 'query.level', message: 'Too big' }] } },
    });
    expect(ErrorBody.parse(rendered.body)).toEqual(rendered.body);
    expect(renderError(errors.unauthenticated()).headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="core-api"' });
  });

  it('when createError is used directly, then status and code are kept and details are left out', () => {
    expect(renderError(createError(ErrorCode.Forbidden, 'No', 403))).toMatchObject({ status: 403, body: { error: { code: 'forbidden', message: 'No' } } });
    expect(renderError(createError(ErrorCode.Forbidden, 'No', 403)).body.error).not.toHaveProperty('details');
  });

  it('when an unexpected error is thrown, then nothing of it leaks', () => {
    const rendered = renderError(new Error('password=hunter2 at db.internal:5432'));
    expect(rendered).toEqual({ status: 500, headers: {}, unexpected: true, body: { error: { code: 'internal_error', message: 'Internal server error' } } });
    expect(JSON.stringify(rendered)).not.toContain('hunter2');
  });

  it('when body-parser rejects the body, then the client gets invalid_json / payload_too_large', () => {
    const parseError = Object.assign(new SyntaxError('Unexpected token b in JSON at position 1'), { type: 'entity.parse.failed', status: 400 });
    expect(renderError(parseError)).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 });
    expect(renderError(tooLarge)).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('when the token is rejected, then WWW-Authenticate carries error="invalid_token"', () => {
    const { headers, status } = renderError(errors.invalidToken('the token has expired'));
    expect(status).toBe(401);
    expect(headers['WWW-Authenticate']).toBe('Bearer realm="core-api", error="invalid_token", error_description="the token has expired"');
  });
});
