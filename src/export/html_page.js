// The evgraph page's script: search, filters by type and population, a node's neighbourhood and
// details. The graph's data is the node-link JSON in #evg-data; the picture is Graphviz's SVG, whose
// node groups carry the node ids and whose edge groups carry "link<k>", k the index in the links.
// Evidence text is data: it reaches the page through textContent, and links only as checked
// http(s) hrefs, never through innerHTML.
(function () {
  'use strict';

  const XLINK_NS = 'http://www.w3.org/1999/xlink';
  const MAX_RESULTS = 50;

  const payload = JSON.parse(document.getElementById('evg-data').textContent);
  const data = payload.graph;
  const TYPE_TITLES = Object.fromEntries(payload.types.map((t) => [t.type, t.title]));
  const nodes = data.nodes;
  const links = data.links || data.edges || [];
  const indexOf = new Map(nodes.map((node, i) => [node.id, i]));
  const adjacency = nodes.map(() => []);
  links.forEach((link, k) => {
    const s = indexOf.get(link.source);
    const t = indexOf.get(link.target);
    if (s === undefined || t === undefined) return;
    adjacency[s].push({ node: t, link: k, out: true });
    adjacency[t].push({ node: s, link: k, out: false });
  });

  const canvas = document.getElementById('evg-canvas');
  const svg = canvas.querySelector('svg');
  const nodeElements = nodes.map((node) => {
    const element = document.getElementById(node.id);
    return element instanceof SVGElement ? element : null;
  });
  const linkElements = links.map((_, k) => {
    const element = document.getElementById('link' + k);
    return element instanceof SVGElement ? element : null;
  });

  const search = document.getElementById('evg-search');
  const status = document.getElementById('evg-status');
  const results = document.getElementById('evg-results');
  const typeFilter = document.getElementById('evg-types');
  const populationFilter = document.getElementById('evg-population');
  const details = document.getElementById('evg-details');

  const state = { query: '', hiddenTypes: new Set(), population: -1, selected: -1, scale: 1 };

  function safeUrl(text) {
    if (typeof text !== 'string') return null;
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text !== undefined && text !== null) made.textContent = String(text);
    return made;
  }

  function externalLink(url, text) {
    const href = safeUrl(url);
    if (!href) return element('span', 'evg-url', text || url);
    const a = element('a', 'evg-url', text || href);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  // Graphviz wraps linked nodes in <a>; the page shows the link in the details instead, and keeps
  // none that is not http(s).
  function neutraliseSvgLinks() {
    for (const a of svg.querySelectorAll('a')) {
      const href = a.getAttribute('href') || a.getAttributeNS(XLINK_NS, 'href');
      if (!safeUrl(href)) {
        a.removeAttribute('href');
        a.removeAttributeNS(XLINK_NS, 'href');
      }
    }
  }

  function nodeName(node) {
    return node.label || node.title || node.id;
  }

  function searchableText(node) {
    const parts = [node.id, node.label, node.text, node.title, node.path];
    if (Array.isArray(node.authors)) parts.push(node.authors.join(' '));
    return parts.filter((part) => typeof part === 'string').join('\n').toLowerCase();
  }
  const haystacks = nodes.map(searchableText);

  // The nodes a population filter keeps: the population, the claims that concern it, and their
  // neighbours.
  function populationScope(population) {
    const scope = new Set([population]);
    for (const { node } of adjacency[population]) {
      if (nodes[node].type !== 'claim') continue;
      scope.add(node);
      for (const next of adjacency[node]) scope.add(next.node);
    }
    return scope;
  }

  function visibleNodes() {
    const scope = state.population >= 0 ? populationScope(state.population) : null;
    return nodes.map((node, i) => !state.hiddenTypes.has(node.type) && (!scope || scope.has(i)));
  }

  function setClass(target, name, on) {
    if (target) target.classList.toggle(name, on);
  }

  function apply() {
    const visible = visibleNodes();
    const query = state.query.trim().toLowerCase();
    const matches = [];
    nodes.forEach((_, i) => {
      if (query && visible[i] && haystacks[i].includes(query)) matches.push(i);
    });
    const matched = new Set(matches);
    const near = new Set();
    const linked = new Set();
    if (state.selected >= 0) {
      for (const { node, link } of adjacency[state.selected]) {
        near.add(node);
        linked.add(link);
      }
    }
    const selecting = state.selected >= 0;
    nodes.forEach((_, i) => {
      const target = nodeElements[i];
      setClass(target, 'evg-off', !visible[i]);
      setClass(target, 'evg-selected', i === state.selected);
      setClass(target, 'evg-near', near.has(i));
      setClass(target, 'evg-match', matched.has(i));
      const dim = visible[i] &&
        ((selecting && i !== state.selected && !near.has(i)) || (!selecting && query && !matched.has(i)));
      setClass(target, 'evg-dim', Boolean(dim));
    });
    links.forEach((link, k) => {
      const target = linkElements[k];
      const ends = [indexOf.get(link.source), indexOf.get(link.target)];
      const shown = ends.every((i) => i !== undefined && visible[i]);
      setClass(target, 'evg-off', !shown);
      setClass(target, 'evg-on', linked.has(k));
      setClass(target, 'evg-dim', shown && (selecting ? !linked.has(k) : Boolean(query)));
    });
    showResults(query, matches);
  }

  function showResults(query, matches) {
    results.replaceChildren();
    if (!query) {
      status.textContent = nodes.length + ' nodes, ' + links.length + ' edges';
      return;
    }
    status.textContent = matches.length + (matches.length === 1 ? ' match' : ' matches');
    for (const i of matches.slice(0, MAX_RESULTS)) results.append(nodeButton(i));
    if (matches.length > MAX_RESULTS) {
      results.append(element('li', 'evg-more', '… and ' + (matches.length - MAX_RESULTS) + ' more'));
    }
  }

  function nodeButton(i, prefix) {
    const item = element('li');
    const button = element('button', 'evg-node-button evg-type-' + nodes[i].type);
    button.type = 'button';
    button.textContent = (prefix ? prefix + ' ' : '') + nodeName(nodes[i]);
    button.title = nodes[i].id;
    button.addEventListener('click', () => select(i, true));
    item.append(button);
    return item;
  }

  function field(list, name, value) {
    if (value === undefined || value === null || value === '') return;
    if (Array.isArray(value) && value.length === 0) return;
    list.append(element('dt', null, name));
    const cell = element('dd');
    if (value instanceof Node) cell.append(value);
    else cell.textContent = Array.isArray(value) ? value.join('; ') : String(value);
    list.append(cell);
  }

  function occurrencesList(occurrences) {
    const list = element('ul', 'evg-provenance');
    for (const occurrence of occurrences) {
      let where = occurrence.document + ':' + occurrence.line;
      if (occurrence.column) where += ':' + occurrence.column;
      if (Array.isArray(occurrence.markers) && occurrence.markers.length) {
        where += '  [' + occurrence.markers.join('][') + ']';
      }
      list.append(element('li', null, where));
    }
    return list;
  }

  function linksList(node) {
    const urls = Array.isArray(node.urls) && node.urls.length ? node.urls : node.url ? [node.url] : [];
    if (!urls.length) return null;
    const list = element('ul', 'evg-links');
    for (const url of urls) {
      const item = element('li');
      item.append(externalLink(url));
      list.append(item);
    }
    return list;
  }

  function relation(link, out) {
    let text = link.type;
    if (Array.isArray(link.markers) && link.markers.length) text += ' [' + link.markers.join('][') + ']';
    if (link.stance) text += ' (' + link.stance + ')';
    return out ? text + ' →' : '← ' + text;
  }

  function showDetails(i) {
    details.replaceChildren();
    if (i < 0) {
      details.append(element('p', 'evg-hint',
        'Click a node to see its full text, where it comes from and what it is linked to.'));
      return;
    }
    const node = nodes[i];
    details.append(element('p', 'evg-kind evg-type-' + node.type,
      node.type + (node.kind ? ' · ' + node.kind : '')));
    details.append(element('h2', null, nodeName(node)));
    if (node.text && node.text !== node.label) details.append(element('p', 'evg-text', node.text));
    const facts = element('dl');
    field(facts, 'Title', node.title !== node.label ? node.title : '');
    field(facts, 'Authors', node.authors);
    field(facts, 'Year', node.year);
    field(facts, 'Identifier', node.scheme && node.identifier ? node.scheme + ' ' + node.identifier : '');
    const urls = linksList(node);
    if (urls) field(facts, 'Links', urls);
    if (Array.isArray(node.occurrences) && node.occurrences.length) {
      field(facts, 'Found at', occurrencesList(node.occurrences));
    }
    field(facts, 'File', node.path);
    field(facts, 'Format', node.format);
    field(facts, 'Id', node.id);
    details.append(facts);

    const neighbours = adjacency[i].slice().sort((a, b) =>
      links[a.link].type.localeCompare(links[b.link].type) ||
      nodeName(nodes[a.node]).localeCompare(nodeName(nodes[b.node])));
    if (neighbours.length) {
      details.append(element('h3', null, 'Linked (' + neighbours.length + ')'));
      const list = element('ul', 'evg-neighbours');
      for (const { node: other, link, out } of neighbours) {
        const item = nodeButton(other, relation(links[link], out));
        const url = nodes[other].type === 'source' ? safeUrl(nodes[other].url) : null;
        if (url) item.append(' ', externalLink(url, '↗'));
        list.append(item);
      }
      details.append(list);
    }
  }

  function select(i, reveal) {
    state.selected = i;
    apply();
    showDetails(i);
    if (reveal && i >= 0 && nodeElements[i]) {
      nodeElements[i].scrollIntoView({ block: 'center', inline: 'center' });
    }
  }

  function buildTypeFilter() {
    const counts = new Map();
    for (const node of nodes) counts.set(node.type, (counts.get(node.type) || 0) + 1);
    const listed = new Set();
    for (const type of Object.keys(TYPE_TITLES).concat([...counts.keys()])) {
      if (!counts.has(type) || listed.has(type)) continue;
      listed.add(type);
      const label = element('label', 'evg-type-' + type);
      const box = element('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = type;
      box.addEventListener('change', () => {
        if (box.checked) state.hiddenTypes.delete(type);
        else state.hiddenTypes.add(type);
        apply();
      });
      label.append(box, ' ' + (TYPE_TITLES[type] || type) + ' (' + counts.get(type) + ')');
      typeFilter.append(label);
    }
  }

  function buildPopulationFilter() {
    const populations = [];
    nodes.forEach((node, i) => {
      if (node.type === 'population') populations.push(i);
    });
    populations.sort((a, b) => nodeName(nodes[a]).localeCompare(nodeName(nodes[b])));
    for (const i of populations) {
      const claims = adjacency[i].filter(({ node }) => nodes[node].type === 'claim').length;
      const option = element('option', null, nodeName(nodes[i]) + ' (' + claims + ' claims)');
      option.value = nodes[i].id;
      populationFilter.append(option);
    }
    populationFilter.disabled = populations.length === 0;
    populationFilter.addEventListener('change', () => {
      const chosen = indexOf.get(populationFilter.value);
      state.population = chosen === undefined ? -1 : chosen;
      apply();
    });
  }

  function nodeIndexOf(target) {
    const group = target instanceof Element ? target.closest('g.node') : null;
    if (!group) return -1;
    const i = indexOf.get(group.id);
    return i === undefined ? -1 : i;
  }

  function zoom(scale) {
    const box = svg.viewBox.baseVal;
    if (!box || !box.width) return;
    state.scale = Math.min(4, Math.max(0.05, scale));
    svg.setAttribute('width', (box.width * state.scale).toFixed(1) + 'pt');
    svg.setAttribute('height', (box.height * state.scale).toFixed(1) + 'pt');
  }

  function fit() {
    const box = svg.viewBox.baseVal;
    if (!box || !box.width) return;
    const widthPx = box.width * 4 / 3;
    zoom(Math.min(1, (canvas.clientWidth - 16) / widthPx));
  }

  function start() {
    neutraliseSvgLinks();
    for (const target of nodeElements) {
      if (!target) continue;
      target.setAttribute('tabindex', '0');
      target.setAttribute('role', 'button');
    }
    svg.addEventListener('click', (event) => {
      const i = nodeIndexOf(event.target);
      event.preventDefault();
      select(i === state.selected ? -1 : i, false);
    });
    svg.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const i = nodeIndexOf(event.target);
      if (i < 0) return;
      event.preventDefault();
      select(i, false);
    });
    search.addEventListener('input', () => {
      state.query = search.value;
      apply();
    });
    search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      const first = results.querySelector('button');
      if (first) first.click();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') select(-1, false);
    });
    document.getElementById('evg-zoom-in').addEventListener('click', () => zoom(state.scale * 1.25));
    document.getElementById('evg-zoom-out').addEventListener('click', () => zoom(state.scale / 1.25));
    document.getElementById('evg-zoom-fit').addEventListener('click', fit);
    buildTypeFilter();
    buildPopulationFilter();
    fit();
    select(-1, false);
    document.documentElement.dataset.evgReady = 'true';
  }

  start();
})();
