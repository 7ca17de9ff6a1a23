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
a{color:var(--link)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
header.site :focus-visible{outline-color:var(--on-brand)}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:1}
header.site{background:var(--brand);color:var(--on-brand)}
header.site .wrap{display:flex;align-items:center;gap:.75rem;padding:1.25rem 1rem}
.logo{display:inline-grid;place-items:center;width:2.5rem;height:2.5rem;border-radius:.6rem;background:var(--on-brand);color:var(--brand);font-weight:700;font-size:1.2rem}
header.site .name{font-weight:650;font-size:1.15rem;color:var(--on-brand);text-decoration:none}
header.site .languages{margin-left:auto}header.site .languages ul{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}header.site .languages a{color:var(--on-brand);font-size:.95rem}header.site .languages a[aria-current]{font-weight:650;text-decoration:none}
.wrap{max-width:56rem;margin:0 auto;padding:0 1rem}
.hero{padding:2.5rem 0 1rem}
.hero h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
.hero p{color:var(--muted);margin:0;max-width:40rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1.5rem;margin:1rem 0}
.card>:first-child{margin-top:0}.card>:last-child{margin-bottom:0}
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
.button{display:inline-block;margin-top:1rem;padding:.7rem 1.4rem;border:0;border-radius:.5rem;background:var(--brand);color:var(--on-brand);font:inherit;font-weight:650;text-decoration:none;cursor:pointer}
footer.site{border-top:1px solid var(--line);margin-top:3rem;padding:1.5rem 0;color:var(--muted);font-size:.9rem}
footer.site nav{display:flex;gap:1.25rem;flex-wrap:wrap;margin-bottom:.5rem}
`;

/** The header logo, when the tenant has one. */
export const LOGO_STYLES = `.logo-img{height:2.5rem;width:auto;max-width:10rem;object-fit:contain;border-radius:.4rem;background:#fff;padding:.2rem}`;

/** The privacy notice pages. */
export const NOTICE_STYLES = `
.tag{display:inline-block;font-size:.8rem;font-weight:650;padding:.05rem .55rem;border-radius:999px;background:#e8ebef;color:var(--ink)}
.announce{border-left:4px solid var(--focus)}.announce p{margin:0}.announce p+p{margin-top:.5rem}
.table{overflow-x:auto}.material{color:#8a2a00}
.kept{margin:0;padding-left:1.1rem}.kept li+li{margin-top:.25rem}td .hint{display:inline-block;margin:.2rem 0 0}
`;

/** Only the apply form and its outcome pages need these. */
export const FORM_STYLES = `
[hidden]{display:none!important}
.tag{display:inline-block;font-size:.8rem;font-weight:650;padding:.05rem .55rem;border-radius:999px;background:#e8ebef;color:var(--ink)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.apply{max-width:44rem;padding:1.5rem 1.75rem}.apply section{border-top:1px solid var(--line);margin-top:1.5rem;padding-top:.25rem}
.apply h2{font-size:1.2rem;margin:1rem 0}.lead{margin:0;color:var(--muted)}
.field{margin:0 0 1.25rem;padding:0;border:0;min-width:0}
label,legend{display:block;font-weight:650;margin-bottom:.3rem;padding:0}
.req{font-weight:400;color:var(--muted)}
.hint{color:var(--muted);font-size:.92rem;margin:0 0 .4rem}
input:not([type=checkbox],[type=radio]),textarea,select{display:block;width:100%;font:inherit;color:var(--ink);background:#fff;padding:.55rem .7rem;border:1px solid #6b7480;border-radius:.4rem}
textarea{resize:vertical}input[type=file]{padding:.45rem}
:is(input,textarea,select):focus-visible{outline:3px solid var(--focus);outline-offset:1px}
[aria-invalid=true]{border-color:#b42318!important;border-width:2px!important}
.field-error{color:#b42318;font-weight:650;margin:0 0 .4rem}.field-error:empty{margin:0}
.check{display:grid;grid-template-columns:1.5rem 1fr;column-gap:.6rem;align-items:start;margin:.5rem 0}
.check input{width:1.5rem;height:1.5rem;margin:0;accent-color:var(--focus)}
.check label{font-weight:400;margin:0}.check>:not(input){grid-column:2}
.consent{padding:.75rem 0;border-top:1px solid var(--line)}.consent .hint{margin:.2rem 0 0}
.link-row{display:grid;grid-template-columns:4rem 1fr;gap:.5rem;align-items:center;margin:.4rem 0}.link-row label{font-weight:400;margin:0}
.profile-row{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem}.profile-row>legend{font-size:1.05rem;padding:0 .35rem}
.months{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:0 1rem}
.privacy p{margin:0 0 .75rem}
.error-summary{border:3px solid #b42318;border-radius:.5rem;padding:1rem 1.25rem;margin:0 0 1.5rem;background:#fff}
.error-summary h2{margin:0 0 .5rem;font-size:1.15rem}.error-summary ul{margin:0;padding-left:1.2rem}
.error-summary a{color:#b42318;font-weight:650}
.form-message:not(:empty){border-left:4px solid #b42318;background:#fdf1f0;padding:.75rem 1rem;margin:1rem 0}
.submit-row{display:flex;flex-wrap:wrap;align-items:center;gap:1rem}.submit-row .button{margin:0}
.button:disabled{opacity:.6;cursor:progress}
.upload{display:flex;align-items:center;gap:.6rem}.upload progress{width:10rem;accent-color:var(--focus)}
.outcome-head .done-icon{color:var(--focus)}
.steps li{margin:.3rem 0}.card>h2{font-size:1.2rem;margin:1.25rem 0 .5rem}
.choices{list-style:none;padding:0;margin:0 0 1rem}.choices li{padding:.4rem 0;border-bottom:1px solid var(--line)}
.tag-consented{background:#dcf3e5;color:#0b5a30}.tag-refused{background:#f0f1f3;color:#4a525c}
details{margin:1rem 0}summary{cursor:pointer;color:var(--link);font-weight:650}
.button.secondary{background:var(--card);color:var(--link);border:2px solid currentColor;margin-top:0}
.links{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
`;

/** The privacy portal, on top of FORM_STYLES. */
export const PORTAL_STYLES = `
.portal{max-width:44rem}.portal .card>h2{margin-top:0}.portal .lead{margin:0 0 1rem}
.signed-in{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:.75rem 0 0}.signed-in form{margin:0}
.button.small{margin:0;padding:.4rem .9rem;font-size:.92rem}
.status-msg{border-left:4px solid var(--focus);background:var(--card);padding:.75rem 1rem;margin:1rem 0}.status-msg p{margin:0}.status-msg p+p{margin-top:.4rem}
.form-error{border-left:4px solid #b42318;background:#fdf1f0;padding:.75rem 1rem;margin:1rem 0;font-weight:650}
.purpose{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem 1rem;padding:.75rem 0;border-top:1px solid var(--line)}
.purpose:first-of-type{border-top:0}.purpose form{margin:0}.purpose p{margin:0}
.tag-withdrawn{background:#fdecd8;color:#7a3b00}
.right{border-top:1px solid var(--line);padding-top:1rem;margin-top:1rem}.right:first-of-type{border-top:0;margin-top:0;padding-top:0}
.right h3{margin:0 0 .35rem;font-size:1.05rem}.right p{margin:0 0 .5rem}.right .button{margin-top:.25rem}
.danger{background:#b42318;color:#fff}
.table{overflow-x:auto}.announce{border-left:4px solid var(--focus)}.announce p{margin:0}
.code-input{max-width:10rem;font-family:ui-monospace,monospace;font-size:1.25rem!important;letter-spacing:.2em}
`;
