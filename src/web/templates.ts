/**
 * The dashboard's Eta templates. Eta escapes every `<%= %>` (auto-escape is on): user text never
 * reaches the page raw. `<%~ %>` is used only for other templates' output and Plot's SVG.
 * User text sits in <bdi> so an RTL override cannot reorder what follows it.
 */

const layout = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %> · <%= it.snapshot.title %></title><style><%~ it.style %></style></head>
<body><a href="#main" class="muted">Skip to content</a>
<header><p class="meta"><bdi><%= it.snapshot.title %></bdi></p>
<nav aria-label="Dashboard"><ul>
<% it.nav.forEach(function (item) { %><li><a href="<%= item.href %>"<% if (item.current) { %> aria-current="page"<% } %>><%= item.title %></a></li><% }) %>
</ul></nav></header>
<main id="main"><h1><bdi><%= it.title %></bdi></h1>
<%~ it.body %>
</main>
<footer><p class="meta">Data taken <time datetime="<%= it.snapshot.takenAt %>"><%= it.taken %> UTC</time> from <%= it.snapshot.repos.join(", ") || "no repository" %>.
<a href="<%= it.site.root %>data.json">Data as JSON</a> · <a href="<%= it.site.root %>schema.json">its schema</a> · <a href="<%= it.site.root %>demand.csv">Demand as CSV</a></p></footer>
</body></html>`;

const card = `<li class="card"><p class="title"><a href="<%= it.page %>"><bdi><%= it.f.title %></bdi></a></p>
<p class="facts"><a href="<%= it.f.url %>"><%= it.f.repo %>#<%= it.f.number %></a> · <%= it.f.demand %> demand · squad of <%= it.f.squadSize %><% if (it.f.lead) { %> · lead <bdi><%= it.f.lead %></bdi><% } %><% if (it.f.daysInPhase !== null) { %> · <%= it.f.daysInPhase %> days in phase<% } %></p>
<% if (it.flags.length) { %><ul class="flags" aria-label="Flags"><% it.flags.forEach(function (flag) { %><li class="flag <%= flag %>"><%= flag %></li><% }) %></ul><% } %>
</li>`;

const overview = `<p><%= it.model.shown %> of <%= it.model.total %> open features shown.</p>
<% if (it.served) { %><form class="filters" method="get" action="">
<label>Repository <select name="repo"><option value="">All</option><% it.model.repos.forEach(function (r) { %><option<% if (r === it.model.filters.repo) { %> selected<% } %>><%= r %></option><% }) %></select></label>
<label>Phase <select name="phase"><option value="">All</option><% it.model.phases.forEach(function (p) { %><option value="<%= p.id %>"<% if (p.id === it.model.filters.phase) { %> selected<% } %>><%= p.name %></option><% }) %></select></label>
<label>Label <select name="label"><option value="">All</option><% it.model.labels.forEach(function (l) { %><option<% if (l === it.model.filters.label) { %> selected<% } %>><%= l %></option><% }) %></select></label>
<label>Squads <select name="seeking"><option value="">All</option><option value="1"<% if (it.model.filters.seeking) { %> selected<% } %>>Seeking members</option></select></label>
<label>Sort by <select name="sort"><option value="demand">Demand</option><option value="time"<% if (it.model.filters.sort === "time") { %> selected<% } %>>Time in phase</option></select></label>
<button type="submit">Show</button></form><% } %>
<% if (it.columns.length) { %><div class="board"><% it.columns.forEach(function (column) { %><section class="column" aria-labelledby="phase-<%= column.id %>">
<h2 id="phase-<%= column.id %>"><%= column.name %> <span class="muted">(<%= column.count %>)</span></h2>
<ol><%~ column.cards %></ol><% if (column.more) { %><p class="muted">and <%= column.more %> more</p><% } %></section><% }) %></div><% } %>
<% it.journeys.forEach(function (journey) { %><section class="journey" aria-labelledby="journey-<%= journey.id %>"><h2 id="journey-<%= journey.id %>"><%= journey.name %></h2>
<div class="board"><% journey.columns.forEach(function (column) { %><section class="column" aria-labelledby="phase-<%= column.id %>">
<h3 id="phase-<%= column.id %>"><%= column.name %> <span class="muted">(<%= column.count %>)</span></h3>
<ol><%~ column.cards %></ol><% if (column.more) { %><p class="muted">and <%= column.more %> more</p><% } %></section><% }) %></div></section><% }) %>`;

const table = `<div class="table"><table><caption class="muted"><%= it.caption %></caption><thead><tr><% it.head.forEach(function (h) { %><th scope="col"><%= h %></th><% }) %></tr></thead>
<tbody><% it.rows.forEach(function (row) { %><tr><% row.forEach(function (cell, i) { %><td<% if (cell.wide) { %> class="t"<% } %>><% if (cell.href) { %><a href="<%= cell.href %>"><bdi><%= cell.text %></bdi></a><% } else { %><bdi><%= cell.text %></bdi><% } %><% if (cell.extra) { %><%~ cell.extra %><% } %></td><% }) %></tr><% }) %></tbody></table></div>`;

const links = `<% if (it.items.length) { %><ul><% it.items.forEach(function (l) { %><li><% if (l.href) { %><a href="<%= l.href %>"><bdi><%= l.text %></bdi></a><% } else { %><bdi><%= l.text %></bdi><% } %><% if (l.note) { %> <span class="muted"><bdi><%= l.note %></bdi></span><% } %></li><% }) %></ul><% } else { %><p class="muted"><%= it.empty %></p><% } %>`;

const chart = `<figure><%~ it.svg %><figcaption class="muted"><%= it.caption %></figcaption></figure>`;

const section = `<section><h2><%= it.heading %></h2><% if (it.intro) { %><p><%= it.intro %></p><% } %><%~ it.body %></section>`;

export const TEMPLATES: Record<string, string> = {
  layout,
  card,
  overview,
  table,
  links,
  chart,
  section,
};
