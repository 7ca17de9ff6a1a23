import type {
  TAuthenticationResponse,
  TPasskeyAuthenticationOptions,
  TPasskeyRegistrationOptions,
  TRegistrationResponse,
} from '@candor/schemas';
import { browserSupportsWebAuthn, startAuthentication, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { toHttpError } from '../providers/errors';

/**
 * The browser's side of a passkey ceremony (@simplewebauthn/browser), with
 * its refusals turned into sentences a person can act on. Every other error
 * (the API's) keeps its own message.
 */
export class PasskeyCeremonyError extends Error {
  override name = 'PasskeyCeremonyError';
}

function ceremonyError(error: unknown, creating: boolean): Error {
  if (!(error instanceof WebAuthnError) && !(error instanceof DOMException)) return toHttpError(error);
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
    return new PasskeyCeremonyError('This device already holds a passkey for your account.');
  }
  if (error instanceof WebAuthnError && (error.code === 'ERROR_INVALID_DOMAIN' || error.code === 'ERROR_INVALID_RP_ID')) {
    return new PasskeyCeremonyError('Passkeys work only on Candor’s own address (HTTPS, or localhost while developing).');
  }
  if (error.name === 'NotAllowedError' || error.name === 'AbortError') {
    return new PasskeyCeremonyError(
      creating
        ? 'No passkey was created: the prompt was closed, timed out or your device refused. Nothing changed.'
        : 'No passkey was used: the prompt was closed, timed out, or this device has no passkey for Candor.',
    );
  }
  return new PasskeyCeremonyError(`Your browser could not ${creating ? 'create' : 'use'} a passkey (${error.message}).`);
}

function requireWebAuthn(): void {
  if (!browserSupportsWebAuthn()) throw new PasskeyCeremonyError('This browser does not support passkeys.');
}

/** navigator.credentials.create() for options from passkeys.startRegistration. */
export async function createPasskey(options: TPasskeyRegistrationOptions): Promise<TRegistrationResponse> {
  requireWebAuthn();
  try {
    return (await startRegistration({ optionsJSON: options })) as TRegistrationResponse;
  } catch (error) {
    throw ceremonyError(error, true);
  }
}

/** navigator.credentials.get() for options from a passkey sign-in or second step. */
export async function signWithPasskey(options: TPasskeyAuthenticationOptions): Promise<TAuthenticationResponse> {
  requireWebAuthn();
  try {
    return (await startAuthentication({ optionsJSON: options })) as TAuthenticationResponse;
  } catch (error) {
    throw ceremonyError(error, false);
  }
}
