// The review page's stylesheet (embedded; its hash goes into the Content-Security-Policy). Marks never rely on
// colour alone: low confidence is also a dotted underline and a `?`, PHI a dashed box, a correction a `✎`.
// The print rules follow the DOCX: serif body, bold names, grey timestamps, shaded marks, no controls.

export const PAGE_STYLE = `
:root{color-scheme:light;--ink:#1b1b1b;--muted:#555;--line:#ccc;--low:#fff1b8;--phi:#e3ecff;--cur:#ffd27a;--ev:#d7f5dd;--accent:#0b57d0}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;margin:1rem 0 .2rem}
h2{font-size:1.25rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:1.6rem}
h3{font-size:1.05rem;margin:1.1rem 0 .3rem}
.sub{color:var(--muted);margin:0 0 .5rem}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem;z-index:9}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}
svg{max-width:100%;height:auto;display:block;margin:.4rem 0}
svg text{font:12px system-ui,sans-serif;fill:#1b1b1b}
svg a:focus rect,svg a:hover rect{stroke:#000;stroke-width:2}
.review{position:sticky;top:0;z-index:5;background:#f7f7f7;border-bottom:1px solid var(--line);padding:.5rem 1rem}
.review .row{max-width:60rem;margin:0 auto;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
.review audio{height:2.2rem;min-width:18rem;flex:1}
button,select,input{font:inherit}
button{border:1px solid #666;background:#fff;border-radius:4px;padding:.1rem .6rem;cursor:pointer}
button:focus-visible,input:focus-visible,select:focus-visible,i:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:1px}
.review .keys{display:block;color:var(--muted);font-size:.85rem;margin:.2rem auto 0}
kbd{border:1px solid #999;border-radius:3px;padding:0 .25rem;font-size:.85em;background:#fff}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.5rem;padding:0;list-style:none}
#transcript p{margin:.35rem 0;content-visibility:auto;contain-intrinsic-size:auto 3em}
.who{font-weight:700}.ts{color:var(--muted);font-size:.85em;cursor:pointer;font-variant-numeric:tabular-nums}
.num{font-weight:600}
i{font-style:normal}
#transcript i{cursor:pointer}
i.l{background:var(--low);text-decoration:underline dotted 2px}
i.l::after{content:"?";font-size:.7em;vertical-align:super}
i.p{background:var(--phi);outline:1px dashed #36c;outline-offset:-1px}
i.r{font-weight:600;letter-spacing:.02em}
i.e{text-decoration:underline solid 2px}
i.e::after{content:"\\270E";font-size:.75em;vertical-align:super}
i.cur{background:var(--cur);box-shadow:0 2px 0 #8a5a00}
i.q{outline:3px solid #000;outline-offset:1px}
i.ev{background:var(--ev);border-bottom:2px solid #1e7b34}
#transcript i[contenteditable=true]{outline:2px solid var(--accent);background:#fff;cursor:text}
.cap::first-letter{text-transform:uppercase}
#tip{position:absolute;z-index:10;max-width:24rem;background:#111;color:#fff;padding:.3rem .5rem;border-radius:4px;font-size:.85rem;pointer-events:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.summary button{border:0;background:none;padding:0;text-align:left;color:var(--accent);text-decoration:underline;cursor:pointer}
.note{color:var(--muted);font-size:.9rem}
@media print{
  body{font:11pt/1.4 Georgia,"Times New Roman",serif}
  .review,.skip,#tip,.no-print,.charts{display:none!important}
  header,main{max-width:none;padding:0}
  h2{font-size:14pt;border:0}
  #transcript p{content-visibility:visible;break-inside:avoid-page}
  .ts{color:#666}
  i.l{background:#ddd;text-decoration:none}
  i.l::after{content:none}
  i.p{background:#eee;outline:0;text-decoration:underline double}
  i.cur,i.q,i.ev{background:none;outline:0;box-shadow:none;border:0}
  .summary button{color:inherit;text-decoration:none}
  @page{margin:2cm}
}
`;
