import { Hono } from 'hono';
import type { Core } from './core.js';
import { sameSecret } from './crypto.js';
import { ApiError, errorResponse } from './errors.js';
import { discoveryRoutes } from './routes/discovery.js';
import { organizationRoutes } from './routes/organizations.js';
import { emailOtpRoutes } from './routes/otp-email.js';
import { smsOtpRoutes } from './routes/otp-sms.js';
import { outboxRoutes } from './routes/outbox.js';
import { JWKS_PATH, sessionRoutes } from './routes/sessions.js';

/** The emulator's routes: Stytch's `/v1/b2b/...` (HTTP Basic auth) and the dev outbox. */
export function createApp(core: Core): Hono {
  const app = new Hono();

  app.use('/v1/*', async (c, next) => {
    if (c.req.path.startsWith(JWKS_PATH)) return next();
    if (!validCredentials(c.req.header('authorization'), core)) {
      throw new ApiError(
        401,
        'unauthorized_credentials',
        'Unauthorized credentials: send HTTP Basic auth with project_id:secret.',
      );
    }
    const started = core.begin();
    await next();
    // Every change, failed attempts and locks included, is on disk before the answer leaves; a
    // request that changed nothing writes nothing.
    await core.commit(started);
  });

  organizationRoutes(app, core);
  emailOtpRoutes(app, core);
  discoveryRoutes(app, core);
  smsOtpRoutes(app, core);
  sessionRoutes(app, core);
  outboxRoutes(app, core);

  app.notFound((c) =>
    errorResponse(
      new ApiError(404, 'route_not_found', `There is no route ${c.req.method} ${c.req.path}.`),
    ),
  );
  // The one place errors become answers: Stytch's error body for ApiError, 500 for anything else.
  app.onError((error) => {
    if (error instanceof ApiError) return errorResponse(error);
    core.log(
      `[emulator] unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return errorResponse(
      new ApiError(500, 'internal_server_error', 'The emulator failed to handle this request.'),
    );
  });
  return app;
}

function validCredentials(header: string | undefined, core: Core): boolean {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header?.trim() ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const idOk = sameSecret(decoded.slice(0, colon), core.projectId);
  const secretOk = sameSecret(decoded.slice(colon + 1), core.secret);
  return idOk && secretOk;
}
