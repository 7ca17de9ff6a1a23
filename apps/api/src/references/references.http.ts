import { REFERENCE_ANSWER_MAX, type TRefereeInput, ZRefereeInput, ZReferenceAnswers } from '@candor/schemas';
import type { Context as HonoContext } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { htmlBodyLimit } from '../http/body-limits.js';
import { fromOwnOrigin } from '../http/same-origin.js';
import type { RequestInfo } from '../trpc/context.js';
import { LINK_NOT_VALID, messagePage, nominationFormPage, refereeFormPage } from './reference-pages.js';
import { nominateReferees, openNomination, openRefereeForm, respondAsReferee } from './references.service.js';

const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

/** The form's fields as strings (a repeated or file field counts as absent). */
function stringsOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') out[key] = value;
  return out;
}

/**
 * Reads the candidate's referee blocks: blank blocks are skipped; the first
 * must be filled; each filled one must be complete, with the agreement ticked.
 */
export function parseNomination(
  form: Record<string, string>,
  count: number,
): { referees: TRefereeInput[] } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const referees: TRefereeInput[] = [];
  for (let n = 1; n <= count; n++) {
    const key = (field: string) => `referee${n}_${field}`;
    const raw = {
      name: form[key('name')] ?? '',
      email: form[key('email')] ?? '',
      relationship: form[key('relationship')] ?? '',
    };
    const consented = form[key('consented')] === 'yes';
    const blank = !raw.name.trim() && !raw.email.trim() && !raw.relationship.trim() && !consented;
    if (blank && n > 1) continue;
    const parsed = ZRefereeInput.safeParse({ ...raw, consented: consented || undefined });
    if (parsed.success) {
      referees.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'name');
      errors[key(field)] ??=
        field === 'email'
          ? 'Enter a valid email address'
          : field === 'consented'
            ? issue.message
            : issue.message;
    }
  }
  const emails = referees.map((r) => r.email);
  emails.forEach((email, i) => {
    if (emails.indexOf(email) !== i) errors[`referee${i + 1}_email`] ??= 'You named this referee already';
  });
  return Object.keys(errors).length ? { errors } : { referees };
}

/**
 * /references/name/:token (the candidate names referees) and
 * /references/answer/:token (a referee answers or declines): plain pages
 * that work without JavaScript. Opening a link changes nothing, so a mail
 * scanner following it does no harm; only the post does.
 */
export function referenceRoutes(deps: AppDeps, requestOf: (c: HonoContext) => RequestInfo) {
  const noStore = (c: HonoContext) => {
    // The token is in the path: the app-wide Referrer-Policy (same-origin) keeps it from other sites.
    // (no-referrer would also make the browser send `Origin: null` with the form, which the origin check refuses.)
    c.header('Cache-Control', 'no-store');
  };
  const invalid = (c: HonoContext, status: 400 | 403 | 404 = 404) =>
    c.html(messagePage('This link does not work', LINK_NOT_VALID), status);
  /** The links are bearer tokens: limit guessing per IP. */
  const limited = async (c: HonoContext) => !(await deps.limits.publicPerIp.hit(requestOf(c).ip));
  const tooMany = (c: HonoContext) =>
    c.html(messagePage('Please wait', 'Too many attempts; wait a few minutes and try again.'), 429);
  const formOf = async (c: HonoContext) => {
    const body = await c.req.parseBody().catch(() => null);
    return body ? stringsOf(body) : null;
  };

  const showNomination = async (c: HonoContext) => {
    noStore(c);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    const link = await openNomination(deps.orm.em.fork(), token.data);
    if (link.kind === 'invalid') return invalid(c);
    return c.html(nominationFormPage({ ...link, action: c.req.path }));
  };

  const postNomination = async (c: HonoContext) => {
    noStore(c);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) return invalid(c, 403);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    const em = deps.orm.em.fork();
    const link = await openNomination(em, token.data);
    if (link.kind === 'invalid') return invalid(c);
    const form = await formOf(c);
    const parsed = parseNomination(form ?? {}, link.count);
    if ('errors' in parsed) {
      return c.html(
        nominationFormPage({ ...link, action: c.req.path, values: form ?? {}, errors: parsed.errors }),
        400,
      );
    }
    const outcome = await nominateReferees(
      em,
      deps.publicUrl,
      token.data,
      parsed.referees,
      requestOf(c).requestId,
    );
    if (outcome === 'invalid') return invalid(c);
    return c.html(
      messagePage(
        'Thank you',
        `We have emailed ${parsed.referees.length === 1 ? 'your referee' : `your ${parsed.referees.length} referees`} a short form. ${link.companyName} will be in touch.`,
      ),
    );
  };

  const showReferee = async (c: HonoContext) => {
    noStore(c);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    const link = await openRefereeForm(deps.orm.em.fork(), token.data);
    if (link.kind === 'invalid') return invalid(c);
    return c.html(refereeFormPage({ ...link, action: c.req.path }));
  };

  const postReferee = async (c: HonoContext) => {
    noStore(c);
    if (!fromOwnOrigin(c, deps.allowedOrigins)) return invalid(c, 403);
    if (await limited(c)) return tooMany(c);
    const token = ZToken.safeParse(c.req.param('token'));
    if (!token.success) return invalid(c);
    const em = deps.orm.em.fork();
    const link = await openRefereeForm(em, token.data);
    if (link.kind === 'invalid') return invalid(c);
    const form = await formOf(c);
    if (!form) return c.html(refereeFormPage({ ...link, action: c.req.path }), 400);
    const { requestId } = requestOf(c);
    if (form.action === 'decline') {
      const outcome = await respondAsReferee(em, token.data, { kind: 'decline' }, requestId);
      if (outcome === 'invalid') return invalid(c);
      return c.html(
        messagePage(
          'Thank you for letting us know',
          `You declined to give a reference. ${link.companyName} will not contact you about it again.`,
        ),
      );
    }
    const { action: _action, ...fields } = form;
    const answers = ZReferenceAnswers.safeParse(
      Object.fromEntries(Object.entries(fields).filter(([key]) => link.questions.some((q) => q.id === key))),
    );
    if (!answers.success) {
      const errors: Record<string, string> = {};
      for (const issue of answers.error.issues)
        errors[String(issue.path[0])] = `Keep this answer under ${REFERENCE_ANSWER_MAX} characters`;
      return c.html(refereeFormPage({ ...link, action: c.req.path, values: fields, errors }), 400);
    }
    const outcome = await respondAsReferee(
      em,
      token.data,
      { kind: 'answer', answers: answers.data },
      requestId,
    );
    if (outcome === 'invalid') return invalid(c);
    if (typeof outcome === 'object') {
      return c.html(
        refereeFormPage({ ...link, action: c.req.path, values: fields, errors: outcome.errors }),
        400,
      );
    }
    return c.html(messagePage('Thank you', `Your reference was sent to ${link.companyName}.`));
  };

  const limit = htmlBodyLimit(64 * 1024);
  return {
    showNomination,
    postNomination: [limit, postNomination] as const,
    showReferee,
    postReferee: [limit, postReferee] as const,
  };
}
