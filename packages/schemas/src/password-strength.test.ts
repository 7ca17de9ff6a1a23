import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadPasswordStrength,
  MIN_PASSWORD_SCORE,
  type PasswordStrengthCheck,
  passwordUserInputs,
  weakPasswordMessage,
} from './password-strength.js';

describe('password strength', () => {
  let check: PasswordStrengthCheck;
  const acmeOwner = passwordUserInputs(['Acme Robotics', 'Olivia Owner', 'olivia.owner@acme.example']);

  beforeAll(async () => {
    check = await loadPasswordStrength();
  });

  it('splits names and addresses into the words an attacker would try', () => {
    expect(passwordUserInputs(['Acme Robotics', 'olivia.owner@acme.example', null, ' '])).toEqual([
      'acme robotics',
      'acmerobotics',
      'acme',
      'robotics',
      'olivia.owner@acme.example',
      'oliviaowneracmeexample',
      'olivia',
      'owner',
      'example',
    ]);
  });

  it.each([
    'qwerty123456',
    'Welcome2026!',
    'acmeacme1234',
    'Password1234',
    'aaaaaaaaaaaaaaaa',
    'oliviaowner2026',
  ])('refuses %s', (password) => {
    const strength = check(password, acmeOwner);
    expect(strength.score).toBeLessThan(MIN_PASSWORD_SCORE);
    expect(strength.acceptable).toBe(false);
  });

  it('accepts a passphrase of unrelated words', () => {
    expect(check('plum tractor seventeen lagoon', acmeOwner)).toMatchObject({ acceptable: true, score: 4 });
  });

  it("counts the person's own words as guessable", () => {
    const withoutInputs = check('roboticsolivia');
    const withInputs = check('roboticsolivia', acmeOwner);
    expect(withInputs.score).toBeLessThan(withoutInputs.score);
  });

  it('explains a refusal and what to do instead', () => {
    const message = weakPasswordMessage(check('qwerty123456'));
    expect(message).toMatch(/too easy to guess/);
    expect(message).toMatch(/commonly used password/);
    expect(message).toMatch(/passphrase of a few unrelated words/);
  });
});
