import { describe, expect, it } from 'vitest';
import { redactorFor } from './redaction.js';

const zelda = {
  name: 'Zelda Quixote-Marchetti',
  email: 'zelda.qm@example.test',
  phone: '+49 30 1234 5678',
  location: 'Hauptstraße 5, 10115 Berlin',
  links: ['https://www.linkedin.com/in/zquixote'],
};
const redact = redactorFor(zelda, new Date('2026-06-01T00:00:00Z'));

describe('redaction for blind review', () => {
  it('removes the known name, email, phone, address and links wherever they appear', () => {
    const { text, redactions } = redact(
      'ZELDA QUIXOTE-MARCHETTI\nzelda.qm@example.test · +49 (30) 1234-5678 · 0049 30 12345678\nHauptstraße 5, 10115 Berlin\nlinkedin.com/in/zquixote\nMs Quixote led the team; Zelda wrote the plan.',
    );
    for (const hidden of [
      'Zelda',
      'ZELDA',
      'Quixote',
      'Marchetti',
      'zelda.qm',
      '1234',
      '5678',
      'Hauptstraße',
      'Berlin',
      '10115',
      'zquixote',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(text).toContain('[name]');
    expect(text).toContain('[email]');
    expect(text).toContain('[phone]');
    expect(text).toContain('[address]');
    expect(redactions).toBeGreaterThanOrEqual(8);
  });

  it('removes strangers’ contact details and dates, and turns year ranges into durations', () => {
    const { text } = redact(
      'Born 14 March 1988 in Lisbon. Date of birth: 1988-03-14, 14.03.88. Age: 38, 38 years old.\n' +
        'Acme GmbH, March 2015 – June 2020. Initech 2020 - present. BSc 2010.\n' +
        'Referee: jo@other.test, +44 20 7946 0958, https://other.test/x, 221B Baker Street, SW1A 1AA.',
    );
    for (const hidden of [
      '1988',
      '14.03.88',
      '38',
      '2015',
      '2020',
      '2010',
      'jo@other.test',
      '7946',
      'other.test/x',
      'Baker',
      'SW1A',
    ]) {
      expect(text).not.toContain(hidden);
    }
    expect(text).toContain('Acme GmbH, [5 years]');
    expect(text).toContain('Initech [6 years]');
    expect(text).toContain('BSc [year]');
  });

  it('finds a name with or without its accents', () => {
    const zoe = redactorFor({
      name: 'Zoë Ångström-Núñez',
      email: 'z@b.test',
      phone: null,
      location: 'Málaga',
      links: [],
    });
    expect(zoe('ZOE ANGSTROM-NUNEZ from Malaga; Zoë Ångström, Nuñez').text).toBe(
      '[name] from [address]; [name] [name], [name]',
    );
    expect(zoe('Zoë wrote it in Málaga.').text).toBe('[name] wrote it in [address].');
  });

  it('redacts whole words only, with the marks written on them, and keeps the rest of the text as it was', () => {
    const ana = redactorFor({ name: 'Ana Lopes', email: 'a@b.test', phone: null, location: null, links: [] });
    // Inside a longer word (Anapolis, Lopesco) nothing; "Anã" with a mark the record lacks, the mark goes too.
    expect(ana('Anapolis and Lopesco; Anã; ANA. Crème brûlée with Ana').text).toBe(
      'Anapolis and Lopesco; [name]; [name]. Crème brûlée with [name]',
    );
    // A match inside a longer word does not hide a whole-word one that starts within it.
    const anna = redactorFor({ name: 'Anna', email: 'x@b.test', phone: null, location: null, links: [] });
    expect(anna('Xanna anna').text).toBe('Xanna [name]');
    expect(anna('Xanna anna').redactions).toBe(1);
  });

  it('leaves ordinary words alone, name particles included', () => {
    const redactVan = redactorFor({
      name: 'Anna van der Berg',
      email: 'a@b.test',
      phone: null,
      location: null,
      links: [],
    });
    expect(redactVan('Led the van fleet at der Bahn; Anna Berg presented.').text).toBe(
      'Led the van fleet at der Bahn; [name] [name] presented.',
    );
    expect(redact('Python, TypeScript and 12 years of SQL.').text).toBe(
      'Python, TypeScript and 12 years of SQL.',
    );
  });
});
