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
footer.site{border-top:1px solid var(--line);margin-top:3rem;padding:1.5rem 0;color:var(--muted);font-size:.9rem}
footer.site nav{display:flex;gap:1.25rem;flex-wrap:wrap;margin-bottom:.5rem}
`;
