import type { AppDeps } from '../../deps.js';

/** Who Candor is to authenticators: the rpID passkeys are bound to and the origins they may be used from. */
export interface RelyingParty {
  /** The host name of the public URL (an IP address is no valid RP ID: use a name, `localhost` in development). */
  id: string;
  name: string;
  origins: string[];
}

export type RelyingPartyDeps = Pick<AppDeps, 'publicUrl' | 'allowedOrigins' | 'logger'>;

/**
 * From APP_ORIGIN: its first origin (the public URL) names the RP ID; any
 * origin the API accepts mutations from may carry a ceremony, and the
 * authenticator's own RP ID check still binds each passkey to that name.
 */
export function relyingPartyOf(deps: RelyingPartyDeps): RelyingParty {
  const url = new URL(deps.publicUrl);
  return { id: url.hostname, name: 'Candor', origins: [...new Set([url.origin, ...deps.allowedOrigins])] };
}
