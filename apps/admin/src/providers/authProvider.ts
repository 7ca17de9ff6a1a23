import type {
  TAuthenticationResponse,
  TCompleteSignInInput,
  TMe,
  TSecondFactorChallenge,
} from '@candor/schemas';
import { type AuthProvider, HttpError, type UserIdentity, useGetIdentity } from 'react-admin';
import type { CandorPermissions } from '../access';
import { permissionFor } from '../access';
import { queryClient } from '../queryClient';
import { trpc } from '../trpc';
import { httpStatusOf, toHttpError } from './errors';

/**
 * react-admin calls checkAuth on every navigation and getIdentity/getPermissions
 * on many renders; a few seconds of cache saves a round trip each time while a
 * revoked session is still noticed quickly (and every data call re-checks it).
 */
const ME_TTL_MS = 5_000;

/** How the API's refusal of a password-only session in a tenant requiring a second factor begins (trpc/init.ts). */
const SECOND_FACTOR_REQUIRED = 'Second factor required';

let cachedMe: { me: TMe; fetchedAt: number } | undefined;
let pendingMe: Promise<TMe> | undefined;

/** The API said there is no session: signing out then has nothing to end (and would only log a 401). */
let knownSignedOut = false;

function remember(me: TMe): TMe {
  knownSignedOut = false;
  cachedMe = { me, fetchedAt: Date.now() };
  return me;
}

export function forgetMe(): void {
  cachedMe = undefined;
  pendingMe = undefined;
}

/**
 * The signed-in user, from the short cache or the API; rejects with an HttpError (401 when signed out).
 * Asks `auth.whoAmI`, which answers null rather than 401 when signed out, so the
 * sign-in page does not log a failed request in the console.
 */
export async function fetchMe(): Promise<TMe> {
  if (cachedMe && Date.now() - cachedMe.fetchedAt < ME_TTL_MS) return cachedMe.me;
  pendingMe ??= trpc.auth.whoAmI
    .query()
    .catch((error: unknown) => {
      throw toHttpError(error);
    })
    .then((me) => {
      if (!me) {
        knownSignedOut = true;
        throw new HttpError('Please sign in', 401);
      }
      return remember(me);
    })
    .finally(() => {
      pendingMe = undefined;
    });
  return pendingMe;
}

/** Switches the session's active tenant; the caller reloads the app so no other tenant's data stays cached. */
export async function switchTenant(tenantId: string): Promise<TMe> {
  forgetMe();
  try {
    return remember(await trpc.auth.switchTenant.mutate({ tenantId }));
  } catch (error) {
    throw toHttpError(error);
  }
}

export type CandorIdentity = UserIdentity & { me: TMe };

function isLoginParams(params: unknown): params is { email: string; password: string } {
  return (
    typeof params === 'object' &&
    params !== null &&
    typeof (params as { email?: unknown }).email === 'string' &&
    typeof (params as { password?: unknown }).password === 'string'
  );
}

/** The password was right and the API asks for a second factor: the sign-in page shows that step. */
export class SecondFactorNeeded extends Error {
  constructor(readonly challenge: TSecondFactorChallenge['secondFactor']) {
    super('A second factor is needed');
    this.name = 'SecondFactorNeeded';
  }
}

function isSecondFactorParams(params: unknown): params is { secondFactor: TCompleteSignInInput } {
  return typeof params === 'object' && params !== null && 'secondFactor' in params;
}

function isPasskeyParams(params: unknown): params is { passkey: TAuthenticationResponse } {
  return typeof params === 'object' && params !== null && 'passkey' in params;
}

export const authProvider: AuthProvider = {
  /** The password step (`{ email, password }`), the second step (`{ secondFactor }`) or a passkey alone (`{ passkey }`). */
  async login(params: unknown) {
    forgetMe();
    if (isPasskeyParams(params)) {
      try {
        remember(await trpc.auth.signInWithPasskey.mutate({ response: params.passkey }));
        return;
      } catch (error) {
        throw toHttpError(error);
      }
    }
    if (isSecondFactorParams(params)) {
      try {
        remember(await trpc.auth.completeSignIn.mutate(params.secondFactor));
        return;
      } catch (error) {
        throw toHttpError(error);
      }
    }
    if (!isLoginParams(params)) throw new Error('Enter your email and password');
    let result: Awaited<ReturnType<typeof trpc.auth.signIn.mutate>>;
    try {
      result = await trpc.auth.signIn.mutate({ email: params.email, password: params.password });
    } catch (error) {
      throw toHttpError(error);
    }
    if ('secondFactor' in result) throw new SecondFactorNeeded(result.secondFactor);
    remember(result);
  },

  async logout() {
    const nothingToEnd = knownSignedOut;
    forgetMe();
    if (nothingToEnd) return;
    try {
      await trpc.auth.signOut.mutate();
    } catch (error) {
      // Already signed out (401) is the goal anyway; anything else is worth knowing.
      if (httpStatusOf(error) !== 401) console.warn('Sign-out failed', toHttpError(error).message);
    }
  },

  async checkAuth() {
    await fetchMe();
  },

  async checkError(error: unknown) {
    const status = httpStatusOf(error);
    if (status === 401) {
      forgetMe();
      throw toHttpError(error);
    }
    // Not allowed is not signed out: keep the session, only tell the user.
    // (No `redirectTo: false` here: react-admin calls `.startsWith` on any non-null value.)
    if (status === 403) {
      const { message } = toHttpError(error);
      // The tenant started requiring a second factor: read who we are again, so the layout shows enrolment.
      if (message.startsWith(SECOND_FACTOR_REQUIRED)) {
        forgetMe();
        await queryClient.invalidateQueries({ queryKey: ['auth'] });
      }
      throw { logoutUser: false, message };
    }
  },

  async getIdentity(): Promise<CandorIdentity> {
    const me = await fetchMe();
    return { id: me.userId, fullName: me.name, me };
  },

  async getPermissions(): Promise<CandorPermissions> {
    // Signed out is "no permissions", not an error: react-admin logs the user out
    // (and leaves public pages such as set-password) when this rejects.
    const me = await fetchMe().catch((error: unknown) => {
      if (httpStatusOf(error) === 401) return undefined;
      throw error;
    });
    // Until a required second factor is set up nothing is open, so no menu item or page asks the API in vain.
    if (!me || me.secondFactorRequired) return { role: me?.role, permissions: [] };
    return { role: me.role, permissions: me.permissions };
  },

  async canAccess({ resource, action }: { resource: string; action: string }) {
    const permission = permissionFor(resource, action);
    if (!permission) return false;
    const me = await fetchMe();
    return me.permissions.includes(permission);
  },
};

/** The signed-in user for components inside `<Admin>`; undefined while loading. */
export function useMe(): { me: TMe | undefined; isPending: boolean } {
  const { identity, isPending } = useGetIdentity();
  const me: TMe | undefined = identity?.me;
  return { me, isPending };
}
