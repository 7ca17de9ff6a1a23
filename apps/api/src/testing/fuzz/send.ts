import type { FuzzBody, FuzzRequest } from './requests.js';

type App = { request(input: Request): Response | Promise<Response> };

function bodyInit(body: FuzzBody): { body: NonNullable<RequestInit['body']>; contentType?: string } {
  switch (body.kind) {
    case 'json':
      return { body: JSON.stringify(body.value) ?? 'undefined', contentType: 'application/json' };
    case 'raw':
      return { body: body.text, contentType: body.contentType };
    case 'form': {
      if (body.encoding === 'urlencoded') {
        // Written by hand, not with URLSearchParams, so broken escapes in the values reach the server as they are.
        const text = body.fields
          .map(([name, value]) => `${name}=${typeof value === 'string' ? value : value.file}`)
          .join('&');
        return { body: text, contentType: 'application/x-www-form-urlencoded' };
      }
      const form = new FormData();
      for (const [name, value] of body.fields) {
        if (typeof value === 'string') form.append(name, value);
        else
          form.append(
            name,
            new File([new Uint8Array(value.bytes)], value.file, { type: 'application/octet-stream' }),
          );
      }
      return { body: form };
    }
  }
}

/**
 * Sends a generated request through the app in-process, as the given
 * sender's cookies say, beside whatever foreign cookies it carries.
 */
export async function sendFuzzRequest(
  app: App,
  request: FuzzRequest,
  senderCookie: string | null,
): Promise<Response> {
  const headers = new Headers(request.headers);
  const cookies = [...request.extraCookies, ...(senderCookie ? [senderCookie] : [])];
  if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
  const hasBody = request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD';
  const init: RequestInit = { method: request.method, headers };
  if (hasBody && request.body) {
    const { body, contentType } = bodyInit(request.body);
    init.body = body;
    if (contentType) headers.set('Content-Type', contentType);
  }
  return app.request(new Request(`http://candor.test${request.path}`, init));
}
