/**
 * The whole stylesheet, inlined into each page: one request per page, no
 * fonts from elsewhere (system font stack), and the tenant's colour as a
 * custom property. Contrast of text on the brand colour is checked by
 * `readableOn` in theme.ts.
 */
export const STYLES = `
:root{--brand:#0f766e;--on-brand:#fff;--ink:#1c2024;--muted:#5b6470;--line:#e3e6ea;--bg:#f7f8fa;--card:#fff}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:focus-visible,button:focus-visible{outline:3px solid var(--brand);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:1}
header.site{background:var(--brand);color:var(--on-brand)}
header.site .wrap{display:flex;align-items:center;gap:.75rem;padding:1.25rem 1rem}
.logo{display:inline-grid;place-items:center;width:2.5rem;height:2.5rem;border-radius:.6rem;background:var(--on-brand);color:var(--brand);font-weight:700;font-size:1.2rem}
header.site .name{font-weight:650;font-size:1.15rem;color:var(--on-brand);text-decoration:none}
.wrap{max-width:56rem;margin:0 auto;padding:0 1rem}
.hero{padding:2.5rem 0 1rem}
.hero h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
.hero p{color:var(--muted);margin:0;max-width:40rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1.5rem;margin:1rem 0}
.empty{text-align:center;padding:3rem 1.5rem}
.empty h2{margin:.5rem 0}
.empty p{color:var(--muted);margin:0 auto;max-width:30rem}
.empty svg{color:var(--brand)}
table{width:100%;border-collapse:collapse;font-size:.95rem}caption{text-align:left;font-weight:650;padding-bottom:.5rem}th,td{text-align:left;vertical-align:top;padding:.6rem .5rem;border-bottom:1px solid var(--line)}
h2{font-size:1.35rem;margin:2rem 0 .75rem}
.filters{display:grid;gap:.5rem;font-size:.92rem}
.filters h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:0 0 .35rem}
.filters ul,.jobs,.facts{list-style:none;margin:0;padding:0}
.filters ul{display:flex;flex-wrap:wrap;gap:.4rem}
.filters a{display:inline-block;padding:.3rem .75rem;border:1px solid var(--line);border-radius:999px;background:var(--card);text-decoration:none;color:var(--ink)}
.filters a[aria-current]{background:var(--brand);border-color:var(--brand);color:var(--on-brand)}
.jobs li{border-top:1px solid var(--line);padding:1rem 0}.jobs li:first-child{border-top:0;padding-top:0}.jobs li:last-child{padding-bottom:0}
.jobs a{font-weight:650;font-size:1.1rem}
.meta{color:var(--muted);margin:.25rem 0 0;font-size:.95rem}
.group{margin:0 0 .75rem;font-size:1rem;color:var(--muted)}
.back{display:inline-block;margin-top:1.5rem}
.job{display:grid;gap:1.5rem}@media(min-width:52rem){.job{grid-template-columns:1fr 17rem;align-items:start}}
.job>*{display:grid;gap:1rem}.job .card{margin:0}
.prose h2,.prose h3,.prose h4{margin:1.5rem 0 .5rem}.prose>:first-child{margin-top:0}.prose li{margin:.25rem 0}
.facts li{padding:.5rem 0;border-bottom:1px solid var(--line)}.facts li:last-child{border-bottom:0}
.facts b{display:block;font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.badge{display:inline-block;font-size:.8rem;font-weight:650;padding:.15rem .6rem;border-radius:999px;background:var(--ink);color:#fff;vertical-align:middle}
.closed{border-left:4px solid var(--ink)}
.soon{color:var(--muted);margin:.5rem 0 0}
footer.site{border-top:1px solid var(--line);margin-top:3rem;padding:1.5rem 0;color:var(--muted);font-size:.9rem}
footer.site nav{display:flex;gap:1.25rem;flex-wrap:wrap;margin-bottom:.5rem}
`;
