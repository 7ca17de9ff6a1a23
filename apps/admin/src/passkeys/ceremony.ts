import type {
  TAuthenticationResponse,
  TPasskeyAuthenticationOptions,
  TPasskeyRegistrationOptions,
  TRegistrationResponse,
} from '@candor/schemas';
import { toHttpError } from '../providers/errors';

/**
 * The browser's side of a passkey ceremony (@simplewebauthn/browser), with
 * its refusals turned into sentences a person can act on. Every other error
 * (the API's) keeps its own message.
 */
export class PasskeyCeremonyError extends Error {
  override name = 'PasskeyCeremonyError';
}

// Loaded when a ceremony starts, not with the sign-in page that offers it (issue 16's first-load budget).
const webAuthn = () => import('@simplewebauthn/browser');
type WebAuthn = Awaited<ReturnType<typeof webAuthn>>;

function ceremonyError(error: unknown, creating: boolean, { WebAuthnError }: WebAuthn): Error {
  if (!(error instanceof WebAuthnError) && !(error instanceof DOMException)) return toHttpError(error);
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
    return new PasskeyCeremonyError('This device already holds a passkey for your account.');
  }
  if (
    error instanceof WebAuthnError &&
    (error.code === 'ERROR_INVALID_DOMAIN' || error.code === 'ERROR_INVALID_RP_ID')
  ) {
    return new PasskeyCeremonyError(
      'Passkeys work only on Candor’s own address (HTTPS, or localhost while developing).',
    );
  }
  if (error.name === 'NotAllowedError' || error.name === 'AbortError') {
    return new PasskeyCeremonyError(
      creating
        ? 'No passkey was created: the prompt was closed, timed out or your device refused. Nothing changed.'
        : 'No passkey was used: the prompt was closed, timed out, or this device has no passkey for Candor.',
    );
  }
  return new PasskeyCeremonyError(
    `Your browser could not ${creating ? 'create' : 'use'} a passkey (${error.message}).`,
  );
}

async function requireWebAuthn(): Promise<WebAuthn> {
  const library = await webAuthn();
  if (!library.browserSupportsWebAuthn())
    throw new PasskeyCeremonyError('This browser does not support passkeys.');
  return library;
}

/** navigator.credentials.create() for options from passkeys.startRegistration. */
export async function createPasskey(options: TPasskeyRegistrationOptions): Promise<TRegistrationResponse> {
  const library = await requireWebAuthn();
  try {
    return (await library.startRegistration({ optionsJSON: options })) as TRegistrationResponse;
  } catch (error) {
    throw ceremonyError(error, true, library);
  }
}

/** navigator.credentials.get() for options from a passkey sign-in or second step. */
export async function signWithPasskey(
  options: TPasskeyAuthenticationOptions,
): Promise<TAuthenticationResponse> {
  const library = await requireWebAuthn();
  try {
    return (await library.startAuthentication({ optionsJSON: options })) as TAuthenticationResponse;
  } catch (error) {
    throw ceremonyError(error, false, library);
  }
}
