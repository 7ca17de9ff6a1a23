import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import * as oidc from 'openid-client';

/**
 * A real OpenID Provider (panva's oidc-provider) on a random loopback port,
 * for tests of single sign-on: its own login page (the development
 * interactions: any login, any password), discovery, keys, token and
 * UserInfo endpoints. Consent is skipped (a first-party provider), as a
 * company's provider does for its own apps.
 */
export interface TestAccount {
  email: string;
  emailVerified: boolean;
  name: string;
  /** As Microsoft Entra ID: no `email_verified`, the optional claim `xms_edov` (domain owner verified) instead. */
  entraStyle?: boolean;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
}

export interface TestProvider {
  issuer: string;
  /** The client Candor is registered as. */
  candor: TestClient;
  /** Another application of the same company (its ID tokens are not meant for Candor). */
  otherApp: TestClient;
  /** Accounts by login name: the name typed on the provider's login page. */
  accounts: Map<string, TestAccount>;
  /**
   * The next token response gets this ID token in place of the one issued
   * (a tampered exchange; the token is still one this provider signed).
   */
  substituteNextIdToken(idToken: string): void;
  /** An ID token this provider issues to `client` for `login`, with `nonce`, through its real endpoints. */
  issueIdToken(client: TestClient, login: string, nonce: string): Promise<string>;
  stop(): Promise<void>;
}

const OTHER_APP_REDIRECT = 'http://127.0.0.1/other-app/callback';

export async function startTestProvider(options: { candorRedirectUri: string }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const candor = { clientId: 'candor-backoffice', clientSecret: 'candor-secret-0123456789abcdef' };
  const otherApp = { clientId: 'other-app', clientSecret: 'other-secret-0123456789abcdef' };
  const accounts = new Map<string, TestAccount>();
  let substitute: string | null = null;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: candor.clientId,
        client_secret: candor.clientSecret,
        redirect_uris: [options.candorRedirectUri],
      },
      {
        client_id: otherApp.clientId,
        client_secret: otherApp.clientSecret,
        redirect_uris: [OTHER_APP_REDIRECT],
      },
    ],
    cookies: { keys: ['test cookie key for the test provider'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
    async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () =>
          account.entraStyle
            ? { sub, email: account.email, xms_edov: account.emailVerified, name: account.name }
            : { sub, email: account.email, email_verified: account.emailVerified, name: account.name },
      };
    },
    // Every client is the company's own: no consent page (oidc-provider's skip-consent recipe).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const client = ctx.oidc.client!;
      const existing = ctx.oidc.session!.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && substitute && ctx.body && typeof ctx.body === 'object') {
      (ctx.body as Record<string, unknown>).id_token = substitute;
      substitute = null;
    }
  });
  server.on('request', provider.callback());

  async function issueIdToken(client: TestClient, login: string, nonce: string): Promise<string> {
    const config = await oidc.discovery(
      new URL(issuer),
      client.clientId,
      undefined,
      oidc.ClientSecretBasic(client.clientSecret),
      {
        execute: [oidc.allowInsecureRequests],
      },
    );
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const redirectUri = client.clientId === candor.clientId ? options.candorRedirectUri : OTHER_APP_REDIRECT;
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    const callback = await signInAtProvider(new CookieJar(), url.href, login);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    return tokens.id_token!;
  }

  return {
    issuer,
    candor,
    otherApp,
    accounts,
    substituteNextIdToken: (idToken) => {
      substitute = idToken;
    },
    issueIdToken,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Cookies by name, sent back to every address: enough for one provider in a test. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Goes through the provider's own pages as a browser would: follows its
 * redirects, fills its login form with `login`, and stops at the first
 * redirect away from the provider (the client's callback), which it answers.
 */
export async function signInAtProvider(
  jar: CookieJar,
  authorizationUrl: string,
  login: string,
): Promise<string> {
  const origin = new URL(authorizationUrl).origin;
  let next: { url: string; init?: RequestInit } = { url: authorizationUrl };
  for (let hop = 0; hop < 10; hop += 1) {
    const res = await fetch(next.url, {
      ...next.init,
      redirect: 'manual',
      headers: { ...(next.init?.headers ?? {}), Cookie: jar.header() },
    });
    jar.store(res);
    const location = res.headers.get('Location');
    if (location) {
      const target = new URL(location, next.url);
      if (target.origin !== origin) return target.href;
      next = { url: target.href };
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action) throw new Error(`the provider answered ${res.status} without a form`);
    next = {
      url: new URL(action.replace(/&amp;/g, '&'), next.url).href,
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }).toString(),
      },
    };
  }
  throw new Error('too many redirects at the provider');
}
