import { describe, expect, it } from 'vitest';
import { withoutRecipientSecrets } from './outbox.service.js';

describe('what staff see of an email', () => {
  it('hides signed link tokens and portal codes, and nothing else', () => {
    const text = 'Answer here: https://jobs.example/careers/acme/diversity/?t=eyJ0Ijo.abc_DEF-123\nBye';
    expect(withoutRecipientSecrets('application_received', text)).toBe(
      'Answer here: https://jobs.example/careers/acme/diversity/?t=[for the recipient only]\nBye',
    );
    const code = 'Your code is:\n\n    123456\n\nIt works for 15 minutes.';
    expect(withoutRecipientSecrets('portal.code', code)).toBe(
      'Your code is:\n\n    [code for the recipient only]\n\nIt works for 15 minutes.',
    );
    // Links whose path is the secret: offers, assessments, background checks, references.
    for (const path of [
      'offers',
      'assessments',
      'background-checks',
      'references/name',
      'references/answer',
    ]) {
      expect(
        withoutRecipientSecrets('x', `Open https://jobs.example/${path}/Zm9vYmFyYmF6_-.x9 to go on.`),
      ).toBe(`Open https://jobs.example/${path}/[for the recipient only] to go on.`);
    }
    // The portal and the careers pages are no secrets.
    const portal = 'https://jobs.example/careers/acme/privacy/portal/';
    expect(withoutRecipientSecrets('x', portal)).toBe(portal);
    // Six digits elsewhere (a reference, a phone number) stay.
    expect(withoutRecipientSecrets('application_received', 'Reference\n    123456\n')).toBe(
      'Reference\n    123456\n',
    );
  });
});
