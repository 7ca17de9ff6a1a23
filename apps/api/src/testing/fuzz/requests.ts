import fc from 'fast-check';
import { pdfBytes } from '../documents.js';
import { procedures } from '../procedures.js';
import { TEST_ORIGIN } from '../test-app.js';
import { inputsFor, type KnownValues } from './schema-input.js';
import {
  deeplyNested,
  nastyCookies,
  nastyString,
  nastyValue,
  percentEncode,
  trickyString,
} from './values.js';

/** Who sends a request: nobody, the seeded tenant's admin, or a signed-in applicant of the privacy portal. */
export type Sender = 'anonymous' | 'admin' | 'applicant';

export type FormValue = string | { file: string; bytes: number[] };

export type FuzzBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string }
  | { kind: 'form'; encoding: 'multipart' | 'urlencoded'; fields: Array<[string, FormValue]> };

/** One generated request, as plain data so fast-check can shrink and print it. */
export interface FuzzRequest {
  sender: Sender;
  method: string;
  path: string;
  headers: Record<string, string>;
  extraCookies: string[];
  body?: FuzzBody;
}

/** What the generators reuse from the seeded database, so requests reach past "not found". */
export interface FuzzTargets extends KnownValues {
  slug: string;
  jobId: string;
}

const PORTAL_ACTIONS = [
  'code',
  'verify',
  'sign-out',
  'contact',
  'rectify',
  'consent/withdraw',
  'marketing/stop',
  'restrict',
  'erase',
  'export',
];
const FORM_FIELD_NAMES = [
  'name',
  'email',
  'phone',
  'location',
  'links',
  'details',
  'purpose',
  'confirm',
  'code',
  'token',
  'decision',
  'consent',
  'noticeVersion',
  'ageConfirmed',
  'coverLetter',
  'salaryExpectation',
  'gpc',
  'resume',
  'answers',
  'q_1',
];

/** A path segment: plain, percent-encoded, or with broken escapes and traversal attempts. */
const pathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%zz',
    '%00',
    '..%2f..%2fetc%2fpasswd',
    '.%2e',
    '%2e%2e',
    'index.html',
    '..',
    '%C0%AF',
    '%ff',
  ),
  trickyString.map(percentEncode),
  fc.string({ maxLength: 20 }).map((s) => s.replace(/[?#]/g, '')),
);

const querySuffix: fc.Arbitrary<string> = fc.option(
  fc
    .array(
      fc.tuple(
        fc.constantFrom('t', 'done', 'receipt', 'input', 'batch', 'q', '%'),
        fc.oneof(trickyString.map(percentEncode), pathSegment),
      ),
      {
        minLength: 1,
        maxLength: 3,
      },
    )
    .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
  { nil: '', freq: 2 },
);

const formValue: fc.Arbitrary<FormValue> = fc.oneof(
  { weight: 5, arbitrary: nastyString },
  {
    weight: 1,
    arbitrary: fc.record({ file: trickyString, bytes: fc.array(fc.nat(255), { maxLength: 64 }) }),
  },
);

function formBody(fields: fc.Arbitrary<Array<[string, FormValue]>>): fc.Arbitrary<FuzzBody> {
  return fc.record({
    kind: fc.constant('form' as const),
    encoding: fc.constantFrom('multipart' as const, 'urlencoded' as const),
    fields,
  });
}

const randomFields = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...FORM_FIELD_NAMES), nastyString), formValue),
  { maxLength: 6 },
);

/** Bodies that claim one type and are another, or are not well-formed at all. */
const malformedBody: fc.Arbitrary<FuzzBody> = fc.record({
  kind: fc.constant('raw' as const),
  contentType: fc.constantFrom(
    'multipart/form-data',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/json',
    'text/plain',
    'application/octet-stream',
    '%',
  ),
  text: fc.oneof(
    nastyString,
    fc.constantFrom(
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n',
      'a=%E0%A4%A&b=%',
      '{"a":',
      '--x--',
    ),
  ),
});

const anyBody: fc.Arbitrary<FuzzBody | undefined> = fc.oneof(
  formBody(randomFields),
  malformedBody,
  fc.record({ kind: fc.constant('json' as const), value: nastyValue }),
  fc.constant(undefined),
);

/** A form of the apply page: a valid application with some fields made hostile. */
function applyForm(targets: FuzzTargets): fc.Arbitrary<FuzzBody> {
  const resume: FormValue = { file: 'resume.pdf', bytes: [...pdfBytes('Fuzz resume')] };
  const valid: Array<[string, FormValue]> = [
    ['name', 'Fuzz Applicant'],
    ['email', targets.emails[0] ?? 'fuzz@example.test'],
    ['ageConfirmed', 'yes'],
    ['noticeVersion', '1'],
    ['resume', resume],
  ];
  return formBody(
    fc
      .tuple(
        fc.subarray(valid),
        fc.array(fc.tuple(fc.constantFrom(...FORM_FIELD_NAMES), formValue), { maxLength: 3 }),
      )
      .map(([kept, hostile]) => [...hostile, ...kept]),
  );
}

function route(
  method: fc.Arbitrary<string>,
  path: fc.Arbitrary<string>,
  body: fc.Arbitrary<FuzzBody | undefined> = fc.constant(undefined),
) {
  return fc.record({ method, path, body });
}

/** Every public (non-tRPC) route, with hostile paths, queries and bodies. */
function publicRoutes(targets: FuzzTargets) {
  const slug = fc.oneof(
    { weight: 4, arbitrary: fc.constant(targets.slug) },
    { weight: 1, arbitrary: pathSegment },
  );
  const id = fc.oneof(fc.constantFrom(...targets.ids), fc.uuid(), pathSegment);
  const get = fc.constant('GET');
  const post = fc.constant('POST');
  const segments = fc.array(pathSegment, { minLength: 1, maxLength: 3 }).map((s) => s.join('/'));
  return fc.oneof(
    route(
      get,
      fc
        .tuple(
          fc.constantFrom('/healthz', '/robots.txt', '/.well-known/gpc.json', '/', '/admin', '/careers'),
          querySuffix,
        )
        .map(([p, q]) => p + q),
    ),
    route(
      get,
      fc.tuple(slug, segments, querySuffix).map(([s, rest, q]) => `/careers/${s}/${rest}${q}`),
    ),
    route(
      get,
      fc.tuple(segments, querySuffix).map(([rest, q]) => `/admin/${rest}${q}`),
    ),
    route(
      get,
      fc.tuple(slug, querySuffix).map(([s, q]) => `/careers/${s}/privacy/portal/${q}`),
    ),
    route(
      get,
      fc.tuple(slug, id).map(([s, i]) => `/careers/${s}/privacy/portal/receipts/${i}`),
    ),
    route(
      post,
      fc.tuple(slug, fc.constantFrom(...PORTAL_ACTIONS)).map(([s, a]) => `/careers/${s}/privacy/portal/${a}`),
      anyBody,
    ),
    route(
      fc.constantFrom('GET', 'POST'),
      fc
        .tuple(slug, fc.constantFrom('privacy/renew', 'diversity'), querySuffix)
        .map(([s, p, q]) => `/careers/${s}/${p}/${q}`),
      anyBody,
    ),
    route(
      post,
      fc.tuple(slug, id).map(([s, j]) => `/careers/${s}/jobs/${j}/apply`),
      fc.oneof(applyForm(targets), anyBody),
    ),
    route(
      post,
      slug.map((s) => `/careers/${s}/jobs/${targets.jobId}/apply`),
      applyForm(targets),
    ),
    route(
      fc.constantFrom('GET', 'POST'),
      fc.tuple(pathSegment, querySuffix).map(([t, q]) => `/offers/${t}${q}`),
      anyBody,
    ),
    route(
      get,
      id.map((i) => `/files/attachments/${i}`),
    ),
    route(
      get,
      fc.tuple(fc.constantFrom('start', 'callback'), querySuffix).map(([p, q]) => `/auth/oidc/${p}${q}`),
    ),
    route(
      fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      fc.tuple(slug, segments).map(([s, rest]) => `/careers/${s}/${rest}`),
      anyBody,
    ),
  );
}

/** Every tRPC procedure of the router, with inputs derived from its schema, over GET, POST and batches. */
function trpcRoutes(targets: FuzzTargets) {
  const calls = procedures.map(([path, procedure]) => {
    const input = fc.oneof(
      { weight: 5, arbitrary: inputsFor((procedure._def as { inputs?: unknown[] }).inputs ?? [], targets) },
      { weight: 1, arbitrary: deeplyNested },
    );
    const asQuery = input.map((value) => ({
      method: 'GET',
      path: `/trpc/${path}?input=${percentEncode(JSON.stringify(value) ?? '')}`,
      body: undefined,
    }));
    const asMutation = input.map((value): { method: string; path: string; body: FuzzBody } => ({
      method: 'POST',
      path: `/trpc/${path}`,
      body: { kind: 'json', value },
    }));
    return procedure._def.type === 'query'
      ? fc.oneof({ weight: 4, arbitrary: asQuery }, { weight: 1, arbitrary: asMutation })
      : fc.oneof({ weight: 4, arbitrary: asMutation }, { weight: 1, arbitrary: asQuery });
  });
  const names = procedures.map(([path]) => path);
  const raw = fc.oneof(
    fc.tuple(fc.subarray(names, { minLength: 1, maxLength: 4 }), nastyValue).map(([paths, value]) => ({
      method: 'GET',
      path: `/trpc/${paths.join(',')}?batch=1&input=${percentEncode(JSON.stringify({ 0: value }) ?? '')}`,
      body: undefined,
    })),
    fc
      .tuple(fc.constantFrom(...names), pathSegment)
      .map(([path, input]) => ({ method: 'GET', path: `/trpc/${path}?input=${input}`, body: undefined })),
    fc
      .tuple(fc.oneof(fc.constantFrom(...names), pathSegment), malformedBody)
      .map(([path, body]) => ({ method: 'POST', path: `/trpc/${path}`, body })),
  );
  return fc.oneof({ weight: 8, arbitrary: fc.oneof(...calls) }, { weight: 1, arbitrary: raw });
}

const headers: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      Origin: fc.oneof(
        { weight: 6, arbitrary: fc.constant(TEST_ORIGIN) },
        { weight: 1, arbitrary: fc.constantFrom('null', 'http://evil.test', '%') },
      ),
      Accept: fc.constantFrom('application/json', 'text/html', '*/*', '%'),
      'Sec-GPC': fc.constantFrom('1', '0', '%'),
      'X-Forwarded-For': fc.oneof(fc.constantFrom('203.0.113.9', '::1', '%, %'), nastyString),
      'Accept-Language': fc.oneof(fc.constantFrom('de-DE,de;q=0.9', '*', 'q=%'), nastyString),
    },
    { requiredKeys: ['Origin'] },
  )
  .map((h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, headerSafe(v)])));

/** What an HTTP client can actually put in a header: bytes, without CR, LF and NUL. */
export function headerSafe(value: string): string {
  return [...value].filter((ch) => ch.charCodeAt(0) <= 0xff && !/[\r\n\0]/.test(ch)).join('');
}

/** Any request the fuzz suite sends: public routes and tRPC procedures, as anyone. */
export function fuzzRequests(targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      sender: fc.constantFrom<Sender>('anonymous', 'admin', 'applicant'),
      route: fc.oneof(
        { weight: 1, arbitrary: publicRoutes(targets) },
        { weight: 1, arbitrary: trpcRoutes(targets) },
      ),
      headers,
      extraCookies: nastyCookies.map((cookies) => cookies.map(headerSafe)),
    })
    .map(({ sender, route: { method, path, body }, headers, extraCookies }) => ({
      sender,
      method,
      path,
      headers,
      extraCookies,
      ...(body ? { body } : {}),
    }));
}
