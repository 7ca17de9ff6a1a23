import { API_SCOPE_LABELS, API_SCOPES } from '@candor/schemas';

/**
 * The API reference as one HTML page rendered on the server from the
 * OpenAPI document: no script, no font or stylesheet from a CDN, so it
 * works on a closed network and under the app's Content-Security-Policy
 * (inline styles only).
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  default?: unknown;
  maxLength?: number;
  maximum?: number;
  minimum?: number;
  additionalProperties?: Schema | boolean;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Document = {
  info: { title: string; version: string; description?: string };
  servers?: Array<{ url: string }>;
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `code` spans in the descriptions, the only markdown they use. */
function prose(text: string | undefined): string {
  return text ? esc(text).replace(/`([^`]+)`/g, '<code>$1</code>') : '';
}

const refName = (ref: string) => ref.split('/').pop() ?? ref;
const anchor = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return `<a href="#schema-${anchor(name)}">${esc(name)}</a>`;
  }
  if (schema.enum) return schema.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(' | ');
  if (schema.const !== undefined) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeOf).join(' | ');
  if (schema.allOf) return schema.allOf.map(typeOf).join(' &amp; ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return (
    types
      .map((t) => {
        if (t === 'array') return `array of ${typeOf(schema.items)}`;
        if (t === 'object' && schema.properties) return 'object (below)';
        if (t === 'object' && typeof schema.additionalProperties === 'object')
          return `map of ${typeOf(schema.additionalProperties)}`;
        return esc(schema.format ? `${t} (${schema.format})` : t);
      })
      .join(' | ') || 'any'
  );
}

function limits(schema: Schema | undefined): string {
  if (!schema) return '';
  const parts = [
    schema.default !== undefined ? `default <code>${esc(JSON.stringify(schema.default))}</code>` : '',
    schema.minimum !== undefined ? `min ${esc(schema.minimum)}` : '',
    schema.maximum !== undefined ? `max ${esc(schema.maximum)}` : '',
    schema.maxLength !== undefined ? `at most ${esc(schema.maxLength)} characters` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

function propertiesTable(schema: Schema): string {
  const props = Object.entries(schema.properties ?? {});
  if (props.length === 0) return `<p>Type: ${typeOf(schema)}</p>`;
  const required = new Set(schema.required ?? []);
  const rows = props
    .map(([name, prop]) => {
      const nested =
        prop.properties || prop.items?.properties
          ? `<details><summary>fields</summary>${propertiesTable(prop.properties ? prop : (prop.items as Schema))}</details>`
          : '';
      return `<tr><td><code>${esc(name)}</code>${required.has(name) ? '' : ' <span class="opt">optional</span>'}</td><td>${typeOf(prop)}${nested}</td><td>${[prose(prop.description), limits(prop)].filter(Boolean).join('<br>')}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Notes</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function operationHtml(method: string, path: string, op: Operation): string {
  const id = anchor(`${method} ${path}`);
  const scopes = (op.security ?? []).flatMap((s) => Object.values(s).flat());
  const params = op.parameters ?? [];
  const body = op.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(op.responses ?? {});
  return `<section class="op" id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h"><span class="method ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${prose(op.summary)}</p>
${op.description ? `<p>${prose(op.description)}</p>` : ''}
${scopes.length ? `<p>Scope: ${scopes.map((s) => `<code>${esc(s)}</code>`).join(', ')}</p>` : ''}
${
  params.length
    ? `<h4>Parameters</h4><table><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Notes</th></tr></thead><tbody>${params
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code>${p.required ? '' : ' <span class="opt">optional</span>'}</td><td>${esc(p.in)}</td><td>${typeOf(p.schema)}</td><td>${[prose(p.description ?? p.schema?.description), limits(p.schema)].filter(Boolean).join('<br>')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
}
${body ? `<h4>Request body (JSON)</h4><p>${typeOf(body)}</p>` : ''}
<h4>Responses</h4><table><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Body</th></tr></thead><tbody>${responses
    .map(
      ([status, r]) =>
        `<tr><td>${esc(status)}</td><td>${prose(r.description)}</td><td>${typeOf(r.content?.['application/json']?.schema)}</td></tr>`,
    )
    .join('')}</tbody></table>
</section>`;
}

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1f24;background:#fff}
header,main{max-width:64rem;margin:0 auto;padding:1rem 1.5rem}
header{border-bottom:1px solid #d0d7de}
h1{font-size:1.8rem;margin:.5rem 0}
h2{margin-top:2.5rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
h3{font-size:1.1rem;margin:0 0 .5rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:#f3f4f6;padding:.1em .3em;border-radius:3px}
pre{background:#f3f4f6;padding:.8rem;overflow-x:auto;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
.op{border:1px solid #d0d7de;border-radius:6px;padding:1rem;margin:1rem 0}
.method{display:inline-block;min-width:3.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.85rem;padding:.1rem .4rem}
.method.get{background:#0a6b3d}.method.post{background:#0550ae}
.opt{color:#57606a;font-size:.85em}
nav ul{columns:2;padding-left:1.2rem}
a{color:#0550ae}
`;

export function referencePage(doc: object): string {
  const d = doc as Document;
  const server = d.servers?.[0]?.url ?? '/api/v1';
  const ops = Object.entries(d.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ method, path, op })),
  );
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? 'Other'))];
  const schemas = Object.entries(d.components?.schemas ?? {});
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${esc(d.info.title)} reference</title><style>${STYLE}</style></head>
<body><header><h1>${esc(d.info.title)} <small>v${esc(d.info.version)}</small></h1>
<p>${prose(d.info.description)}</p>
<p>Base URL: <code>${esc(server)}</code> · Machine-readable: <a href="openapi.json">openapi.json</a> (OpenAPI 3.1)</p></header>
<main>
<nav aria-label="Operations"><h2>Operations</h2><ul>${ops
    .map(
      (o) =>
        `<li><a href="#${anchor(`${o.method} ${o.path}`)}">${esc(o.method.toUpperCase())} ${esc(o.path)}</a> — ${esc(o.op.summary ?? '')}</li>`,
    )
    .join('')}</ul></nav>
<h2 id="auth">Authentication and scopes</h2>
<p>Send the key in every request: <code>Authorization: Bearer cnd_…</code>. A missing, unknown or revoked key gets <code>401</code>; a key without the operation's scope gets <code>403</code> naming the scope in <code>error.missingScope</code>; too many requests for one key get <code>429</code> with <code>Retry-After</code> (seconds). Malformed input gets <code>400</code> with <code>error.fieldErrors</code>.</p>
<pre>curl -H "Authorization: Bearer $CANDOR_API_KEY" ${esc(server)}/jobs</pre>
<table><thead><tr><th scope="col">Scope</th><th scope="col">Allows</th></tr></thead><tbody>${API_SCOPES.map(
    (s) => `<tr><td><code>${esc(s)}</code></td><td>${esc(API_SCOPE_LABELS[s])}</td></tr>`,
  ).join('')}</tbody></table>
${tags
  .map(
    (tag) =>
      `<h2 id="tag-${anchor(tag)}">${esc(tag)}</h2>${ops
        .filter((o) => (o.op.tags?.[0] ?? 'Other') === tag)
        .map((o) => operationHtml(o.method, o.path, o.op))
        .join('')}`,
  )
  .join('')}
<h2 id="schemas">Schemas</h2>
${schemas
  .map(
    ([name, schema]) =>
      `<section id="schema-${anchor(name)}" aria-labelledby="schema-${anchor(name)}-h"><h3 id="schema-${anchor(name)}-h">${esc(name)}</h3>${propertiesTable(schema)}</section>`,
  )
  .join('')}
</main></body></html>`;
}
