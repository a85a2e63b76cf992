/** The dashboard's one stylesheet: light and dark schemes, phone and desktop, no script. */

// Colours meet WCAG AA contrast in both schemes; titles wrap anywhere so 10,000 characters
// cannot widen a card, and are clamped to three lines on the board.
export const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--card:#f6f8fa;--line:#d0d7de;--link:#0a58ca;--warn:#8a4600;--bad:#b3261e;--ok:#116329}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--card:#161b22;--line:#30363d;--link:#6cb6ff;--warn:#f0b35a;--bad:#ff8b80;--ok:#56d364}}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;background:var(--bg);color:var(--fg)}
a{color:var(--link)}a:focus-visible,button:focus-visible,select:focus-visible{outline:3px solid var(--link);outline-offset:2px}
header,main,footer{padding:0 1rem;max-width:100rem;margin:0 auto}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;margin:0 0 1rem}
nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
h1{font-size:1.6rem;margin:1rem 0 .5rem;overflow-wrap:anywhere}h2{font-size:1.25rem}
.meta,.muted{color:var(--muted)}
.board{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(16rem,1fr);gap:1rem;overflow-x:auto;padding-bottom:1rem}
@media (max-width:40rem){.board{grid-auto-flow:row;grid-auto-columns:auto}}
.column{min-width:0}.column ol{list-style:none;padding:0;margin:0;display:grid;gap:.5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;min-width:0}
.title{overflow-wrap:anywhere;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden;margin:0}
.flags{display:flex;flex-wrap:wrap;gap:.25rem;margin:.25rem 0 0;padding:0;list-style:none}
.flag{font-size:.8rem;border:1px solid currentColor;border-radius:1rem;padding:0 .5rem}
.blocked{color:var(--bad)}.stalled,.overdue{color:var(--warn)}.seeking{color:var(--ok)}
.facts{margin:.25rem 0 0;font-size:.9rem;color:var(--muted)}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:0 0 1rem}label{display:grid;font-size:.9rem}
select,button{font:inherit;padding:.25rem .5rem;background:var(--bg);color:var(--fg);border:1px solid var(--muted);border-radius:4px}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}td.t{overflow-wrap:anywhere;min-width:12rem}
figure{margin:1rem 0}svg{max-width:100%;height:auto;color:var(--link)}
`;
