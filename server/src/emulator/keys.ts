import {
  compactVerify,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type JWTPayload,
} from 'jose';
import { randomUUID } from 'node:crypto';

/** A signing key as kept in the data file. */
export interface StoredKey {
  kid: string;
  private_jwk: JWK;
  created_at: number;
}

type PrivateKey = Awaited<ReturnType<typeof importJWK>>;

/** The RS256 key that signs session JWTs, and the JWKS that verifies them. */
export class SigningKeys {
  private constructor(
    readonly stored: StoredKey,
    private readonly privateKey: PrivateKey,
    readonly publicJwk: JWK,
  ) {}

  static async load(stored: StoredKey | undefined, now: number): Promise<SigningKeys> {
    if (!stored) {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      const kid = `jwk-test-${randomUUID()}`;
      stored = { kid, private_jwk: { ...(await exportJWK(privateKey)), kid }, created_at: now };
    }
    const privateKey = await importJWK(stored.private_jwk, 'RS256');
    const { kty, n, e } = stored.private_jwk;
    const publicJwk: JWK = {
      kty,
      n,
      e,
      kid: stored.kid,
      alg: 'RS256',
      use: 'sig',
      key_ops: ['verify'],
    };
    return new SigningKeys(stored, privateKey, publicJwk);
  }

  jwks(): JWK[] {
    return [this.publicJwk];
  }

  sign(payload: JWTPayload): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: this.stored.kid, typ: 'JWT' })
      .sign(this.privateKey);
  }

  /**
   * Verifies signature, issuer and audience of a session JWT. Expiry is NOT checked: like Stytch,
   * an expired JWT is still accepted as a pointer to its session, which is then checked itself.
   */
  async verify(jwt: string, issuer: string, audience: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await compactVerify(jwt, createLocalJWKSet({ keys: this.jwks() }), {
        algorithms: ['RS256'],
      });
      const claims = JSON.parse(new TextDecoder().decode(payload)) as JWTPayload;
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (claims.iss !== issuer || !audiences.includes(audience)) return undefined;
      return claims;
    } catch {
      return undefined;
    }
  }
}
