import { loadPasswordStrength, type PasswordStrength, type PasswordStrengthCheck } from '@candor/schemas';
import { useDeferredValue, useEffect, useState } from 'react';

/**
 * The same strength check the API applies, loaded on first use: its
 * dictionaries are a few megabytes, fetched only on pages with a new
 * password. Undefined until loaded (and for an empty password).
 */
export function usePasswordStrength(password: string): PasswordStrength | undefined {
  const [check, setCheck] = useState<PasswordStrengthCheck>();
  useEffect(() => {
    let current = true;
    loadPasswordStrength().then(
      (loaded) => current && setCheck(() => loaded),
      // Without the meter the form still works: the API checks the password anyway.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  // Typing stays responsive: a check takes tens of milliseconds, so it may lag a keystroke behind.
  const deferred = useDeferredValue(password);
  return check && deferred ? check(deferred) : undefined;
}
