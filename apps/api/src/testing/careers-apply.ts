import { pdfBytes } from './documents.js';
import type { httpClient } from './test-app.js';

/** A careers-site form: text fields, repeated fields, and files with their bytes; undefined leaves a field out. */
export type ApplyFields = Record<string, string | string[] | { bytes: Uint8Array; name: string } | undefined>;

export function formOf(fields: ApplyFields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string') form.append(name, value);
    else if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else form.append(name, new File([value.bytes], value.name, { type: 'application/octet-stream' }));
  }
  return form;
}

/** The fields of a valid application to a job without required questions, under notice version 1. */
export function applicationFields(
  person: { name: string; email: string },
  overrides: ApplyFields = {},
): ApplyFields {
  return {
    ...person,
    ageConfirmed: 'yes',
    noticeVersion: '1',
    resume: { bytes: pdfBytes(`${person.name} resume`), name: 'resume.pdf' },
    ...overrides,
  };
}

/** Sends the form to the public apply endpoint, as the apply page's script does (asking for JSON) unless told otherwise. */
export function postApplication(
  client: ReturnType<typeof httpClient>,
  target: { slug: string; jobId: string },
  fields: ApplyFields,
  headers: Record<string, string> = {},
) {
  return client.request(`/careers/${target.slug}/jobs/${target.jobId}/apply`, {
    method: 'POST',
    headers: { Accept: 'application/json', ...headers },
    body: formOf(fields),
  });
}
