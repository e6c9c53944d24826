// The gateway as a route handler, as server/README.md mounts it. It keeps the session in HttpOnly
// cookies and talks to Stytch, or to the emulator when STYTCH_API_URL points at one.
import { createGateway } from 'otp-auth-server/gateway';

let gateway: ((request: Request) => Promise<Response>) | undefined;

// Created on the first request: `next build` loads this module without the credentials.
function handle(request: Request) {
  gateway ??= createGateway({
    projectId: process.env.STYTCH_PROJECT_ID!,
    secret: process.env.STYTCH_SECRET!,
    upstream: process.env.STYTCH_API_URL,
    basePath: '/api',
  });
  return gateway(request);
}

export const GET = handle;
export const POST = handle;
