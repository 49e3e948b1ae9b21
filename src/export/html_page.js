// The evgraph page's script: search, filters by node type, edge type and concept (a population,
// intervention or outcome), a node's neighbourhood and details, zoom and Fit (to what is shown), and
// the evidence-and-gap maps beside the graph (a cell's claims and works highlighted on a click). The graph's data is the node-link JSON in #evg-data; the
// picture is Graphviz's SVG, whose node groups carry the node ids and whose edge groups carry
// "link<k>", k the index in the links. Evidence text is data: it reaches the page through
// textContent, and links only as checked http(s) hrefs, never through innerHTML.
(function () {
  'use strict';

  const XLINK_NS = 'http://www.w3.org/1999/xlink';
  const MAX_RESULTS = 50;
  // Past this many edges the bookkeeping edges start hidden and typing waits for a pause: every
  // change restyles the whole SVG.
  const LARGE = 5000;
  const QUIET_EDGES = new Set(['asserts', 'lists', 'similar_to', 'contains']);
  const CONCEPT_TYPES = ['population', 'intervention', 'outcome'];
  const SEARCH_DELAY_MS = 200;
  const READABLE_SCALE = 0.6;
  const IDENTIFIER_URLS = {
    doi: 'https://doi.org/',
    pmc: 'https://www.ncbi.nlm.nih.gov/pmc/articles/',
    pubmed: 'https://pubmed.ncbi.nlm.nih.gov/',
    s2: 'https://www.semanticscholar.org/paper/',
  };

  const payload = JSON.parse(document.getElementById('evg-data').textContent);
  const gapMaps = payload.gap_maps || [];
  const TYPE_TITLES = Object.fromEntries(payload.types.map((t) => [t.type, t.title]));
  const nodes = payload.graph.nodes;
  const links = payload.graph.links || payload.graph.edges || [];
  const large = links.length > LARGE;
  const indexOf = new Map(nodes.map((node, i) => [node.id, i]));
  const ends = links.map((link) => [indexOf.get(link.source), indexOf.get(link.target)]);
  const adjacency = nodes.map(() => []);
  ends.forEach(([s, t], k) => {
    if (s === undefined || t === undefined) return;
    adjacency[s].push({ node: t, link: k, out: true });
    adjacency[t].push({ node: s, link: k, out: false });
  });

  const canvas = document.getElementById('evg-canvas');
  const svg = canvas.querySelector('svg');
  const svgElement = (id) => {
    const found = document.getElementById(id);
    return found instanceof SVGElement && svg.contains(found) ? found : null;
  };
  const nodeElements = nodes.map((node) => svgElement(node.id));
  const linkElements = links.map((_, k) => svgElement('link' + k));

  const search = document.getElementById('evg-search');
  const status = document.getElementById('evg-status');
  const results = document.getElementById('evg-results');
  const typeFilter = document.getElementById('evg-types');
  const edgeFilter = document.getElementById('evg-edge-types');
  const conceptFilter = document.getElementById('evg-concept');
  const details = document.getElementById('evg-details');
  const gapToggle = document.getElementById('evg-gap-toggle');
  const gapPanel = document.getElementById('evg-gaps');

  const state = {
    words: [],
    hiddenTypes: new Set(),
    hiddenEdges: new Set(large ? [...QUIET_EDGES] : []),
    concept: -1,
    cell: null, // { title, works, claims, nodes, button } of the gap-map cell chosen
    selected: -1,
    scale: 1,
  };
  let visible = nodes.map(() => true);
  let shownLinks = links.map(() => true);

  // Text as search compares it: accents dropped, every hyphen or dash a space, curly quotes
  // straight, lower case, single spaces.
  function fold(text) {
    return String(text)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[-\u00ad\u2010-\u2015\u2212]+/g, ' ')
      .replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
      .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim();
  }

  function searchable(node) {
    const parts = [node.label, node.text, node.title, node.path, node.identifier, node.url];
    for (const list of [node.authors, node.urls]) {
      if (Array.isArray(list)) parts.push(...list);
    }
    return fold(parts.filter((part) => typeof part === 'string' && part).join('\n'));
  }
  const haystacks = nodes.map(searchable);
  const labels = nodes.map((node) => fold(nodeName(node)));

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

  function swatch(type) {
    const mark = element('span', 'evg-swatch evg-type-' + type);
    mark.setAttribute('aria-hidden', 'true');
    return mark;
  }

  function nodeName(node) {
    return node.label || node.title || node.id;
  }

  function nodeUrls(node) {
    const urls = Array.isArray(node.urls) && node.urls.length ? node.urls.slice() : [];
    if (!urls.length && node.url) urls.push(node.url);
    const base = IDENTIFIER_URLS[node.scheme];
    if (!urls.length && base && node.identifier) urls.push(base + encodeURI(node.identifier));
    return urls.filter((url) => safeUrl(url));
  }

  // ---------------------------------------------------------------------------------------------
  // What is shown and highlighted

  // A concept, what it links to, and the neighbours of the claims among those (their sources,
  // documents and other concepts). In a summary view a concept links to concepts only.
  function conceptScope(concept) {
    const scope = new Set([concept]);
    for (const { node } of adjacency[concept]) {
      scope.add(node);
      if (nodes[node].type !== 'claim') continue;
      for (const next of adjacency[node]) scope.add(next.node);
    }
    return scope;
  }

  function applyFilters() {
    const scope = state.concept >= 0 ? conceptScope(state.concept) : null;
    visible = nodes.map((node, i) => !state.hiddenTypes.has(node.type) && (!scope || scope.has(i)));
    shownLinks = links.map((link, k) => !state.hiddenEdges.has(link.type) &&
      ends[k].every((i) => i !== undefined && visible[i]));
    nodes.forEach((_, i) => toggle(nodeElements[i], 'evg-off', !visible[i]));
    links.forEach((_, k) => toggle(linkElements[k], 'evg-off', !shownLinks[k]));
    for (const type of Object.keys(TYPE_TITLES)) {
      toggle(svgElement('cluster_' + type), 'evg-off', state.hiddenTypes.has(type));
    }
    nodeElements.forEach((target, i) => {
      if (target) target.setAttribute('tabindex', visible[i] ? '0' : '-1');
    });
    if (state.selected >= 0 && !visible[state.selected]) select(-1, false);
    else highlight();
  }

  function toggle(target, name, on) {
    if (target && target.classList.contains(name) !== on) target.classList.toggle(name, on);
  }

  let lit = { nodes: new Map(), links: new Set() };

  // Marks the matches, the selected node, its neighbours and edges; the SVG's evg-focus class dims
  // everything else in one change. Only elements whose marks change are touched.
  function highlight() {
    const matches = [];
    if (state.cell) {
      for (const i of state.cell.nodes) if (visible[i]) matches.push(i);
    } else if (state.words.length) {
      nodes.forEach((_, i) => {
        if (visible[i] && state.words.every((word) => haystacks[i].includes(word))) matches.push(i);
      });
    }
    const next = { nodes: new Map(), links: new Set() };
    const mark = (i, name) => next.nodes.set(i, (next.nodes.get(i) || []).concat(name));
    for (const i of matches) mark(i, 'evg-match');
    if (state.selected >= 0) {
      mark(state.selected, 'evg-selected');
      for (const { node, link } of adjacency[state.selected]) {
        if (!shownLinks[link]) continue;
        mark(node, 'evg-near');
        next.links.add(link);
      }
    }
    for (const [i, names] of lit.nodes) {
      const kept = next.nodes.get(i) || [];
      for (const name of names) if (!kept.includes(name)) toggle(nodeElements[i], name, false);
    }
    for (const [i, names] of next.nodes) for (const name of names) toggle(nodeElements[i], name, true);
    for (const k of lit.links) if (!next.links.has(k)) toggle(linkElements[k], 'evg-on', false);
    for (const k of next.links) toggle(linkElements[k], 'evg-on', true);
    lit = next;
    toggle(svg, 'evg-focus', state.selected >= 0 || state.words.length > 0 || state.cell !== null);
    showStatus(matches);
  }

  function showStatus(matches) {
    const shown = visible.filter(Boolean).length;
    const edges = shownLinks.filter(Boolean).length;
    let text = shown === nodes.length && edges === links.length
      ? nodes.length + ' nodes, ' + links.length + ' edges'
      : shown + ' of ' + nodes.length + ' nodes, ' + edges + ' of ' + links.length + ' edges shown';
    if (state.words.length) text = matches.length + (matches.length === 1 ? ' match' : ' matches');
    if (state.cell) text = state.cell.title;
    status.textContent = text;
    results.replaceChildren();
    if (state.cell) {
      for (const i of matches.slice(0, MAX_RESULTS)) results.append(nodeItem(i));
      return;
    }
    if (!state.words.length) return;
    // Label matches first, then the rest, each in graph order.
    const ranked = matches.filter((i) => state.words.every((w) => labels[i].includes(w)))
      .concat(matches.filter((i) => !state.words.every((w) => labels[i].includes(w))));
    for (const i of ranked.slice(0, MAX_RESULTS)) results.append(nodeItem(i));
    if (ranked.length > MAX_RESULTS) {
      results.append(element('li', 'evg-more', '\u2026 and ' + (ranked.length - MAX_RESULTS) + ' more'));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Details of the selected node

  function nodeItem(i, prefix) {
    const item = element('li');
    const button = element('button', 'evg-node-button');
    button.type = 'button';
    button.append(swatch(nodes[i].type), (prefix ? prefix + ' ' : '') + nodeName(nodes[i]));
    button.addEventListener('click', () => select(i, true, true));
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

  function list(items, className) {
    const made = element('ul', className);
    for (const item of items) made.append(item instanceof Node ? item : element('li', null, item));
    return made;
  }

  function where(record) {
    let text = record.document + ':' + record.line;
    if (record.column) text += ':' + record.column;
    if (record.section) text += ' (' + record.section + ')';
    if (Array.isArray(record.markers) && record.markers.length) {
      text += '  [' + record.markers.join('][') + ']';
    }
    return text;
  }

  function dataRows(facts, data) {
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch (_) {
        field(facts, 'Data', data);
        return;
      }
    }
    if (!data || typeof data !== 'object') return;
    for (const [key, value] of Object.entries(data)) {
      field(facts, key, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }

  function relation(link, out) {
    let text = link.type;
    if (Array.isArray(link.markers) && link.markers.length) text += ' [' + link.markers.join('][') + ']';
    const notes = [];
    if (link.stance) notes.push(link.stance);
    if (link.certainty) notes.push('certainty ' + link.certainty);
    if (link.ambiguous) notes.push('ambiguous: the marker is defined twice');
    if (typeof link.score === 'number') notes.push('score ' + link.score);
    if (typeof link.claims === 'number') {
      notes.push(link.works + (link.works === 1 ? ' work, ' : ' works, ') + link.claims +
        (link.claims === 1 ? ' claim' : ' claims'));
    }
    if (link.type === 'conflicts_with' && Array.isArray(link.terms)) {
      const side = (name) => link.terms.filter((t) => t.field === name)
        .map((t) => '\u201C' + t.term + '\u201D').join(', ');
      const from = side('from');
      const to = side('to');
      notes.push(!to ? from + ' in the first claim only' : !from ? to + ' in the second claim only'
        : from + ' against ' + to);
    } else if (Array.isArray(link.terms)) {
      for (const t of link.terms) {
        notes.push('\u201C' + t.term + '\u201D' +
          (typeof t.at === 'number' ? ' at ' + t.at : t.field ? ' in ' + t.field : ''));
      }
    }
    if (notes.length) text += ' (' + notes.join(', ') + ')';
    return out ? text + ' \u2192' : '\u2190 ' + text;
  }

  function recordsSection(i) {
    const section = element('div');
    for (const { node: other, link } of adjacency[i]) {
      const records = links[link].records;
      if (!Array.isArray(records) || !records.length) continue;
      const box = element('details', 'evg-records');
      box.append(element('summary', null, records.length + (records.length === 1 ? ' record' : ' records') +
        ' for ' + nodeName(nodes[other])));
      for (const record of records) {
        const facts = element('dl');
        field(facts, 'Stance', record.label && record.label !== record.stance
          ? record.stance + ' (' + record.label + ')' : record.stance);
        field(facts, 'Certainty', record.certainty);
        if (record.document) field(facts, 'Found at', where(record));
        dataRows(facts, record.data);
        box.append(facts);
      }
      section.append(box);
    }
    return section.childElementCount ? section : null;
  }

  function showDetails(i) {
    details.replaceChildren();
    if (i < 0) {
      details.append(element('p', 'evg-hint',
        'Click a node to see its full text, where it comes from and what it is linked to.'));
      return null;
    }
    const node = nodes[i];
    const kind = element('p', 'evg-kind');
    kind.append(swatch(node.type), node.type + (node.kind ? ' \u00b7 ' + node.kind : ''));
    details.append(kind);
    const heading = element('h2', null, nodeName(node));
    heading.tabIndex = -1;
    details.append(heading);
    if (node.text && node.text !== node.label) details.append(element('p', 'evg-text', node.text));
    const facts = element('dl');
    field(facts, 'Section', node.section);
    field(facts, 'Title', node.title !== node.label ? node.title : '');
    field(facts, 'Authors', node.authors);
    field(facts, 'Year', node.year);
    field(facts, 'Identifier', node.scheme && node.identifier ? node.scheme + ' ' + node.identifier : '');
    field(facts, 'Also', node.also);
    const urls = nodeUrls(node);
    if (urls.length) {
      field(facts, 'Links', list(urls.map((url) => {
        const item = element('li');
        item.append(externalLink(url));
        return item;
      }), 'evg-links'));
    }
    if (Array.isArray(node.occurrences) && node.occurrences.length) {
      field(facts, 'Found at', list(node.occurrences.map(where), 'evg-provenance'));
    }
    field(facts, 'File', node.path);
    field(facts, 'Format', node.format);
    if (Array.isArray(node.merged_because) && node.merged_because.length) {
      field(facts, 'Merged because', list(node.merged_because.map(String)));
    }
    dataRows(facts, node.data);
    field(facts, 'Id', node.id);
    details.append(facts);

    const records = recordsSection(i);
    if (records) {
      details.append(element('h3', null, 'Evidence records'), records);
    }
    const neighbours = adjacency[i].slice().sort((a, b) =>
      links[a.link].type.localeCompare(links[b.link].type) ||
      nodeName(nodes[a.node]).localeCompare(nodeName(nodes[b.node])));
    if (neighbours.length) {
      details.append(element('h3', null, 'Linked (' + neighbours.length + ')'));
      const made = element('ul', 'evg-neighbours');
      for (const { node: other, link, out } of neighbours) {
        const item = nodeItem(other, relation(links[link], out));
        const url = nodeUrls(nodes[other])[0];
        if (url) item.append(' ', externalLink(url, '\u2197'));
        made.append(item);
      }
      details.append(made);
    }
    return heading;
  }

  function select(i, reveal, focusDetails) {
    state.selected = i;
    highlight();
    const heading = showDetails(i);
    if (reveal && i >= 0 && nodeElements[i]) {
      if (state.scale < READABLE_SCALE) zoom(1);
      nodeElements[i].scrollIntoView({ block: 'center', inline: 'center' });
    }
    if (focusDetails && heading) heading.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------------------------------------
  // Controls

  function checkbox(container, value, title, count, checked, onChange, coloured) {
    const label = element('label', 'evg-chip');
    const box = element('input');
    box.type = 'checkbox';
    box.checked = checked;
    box.value = value;
    box.addEventListener('change', () => onChange(box.checked));
    label.append(box, ' ');
    if (coloured) label.append(swatch(value));
    label.append(title + ' (' + count + ')');
    container.append(label);
  }

  function counted(values) {
    const counts = new Map();
    for (const value of values) counts.set(value, (counts.get(value) || 0) + 1);
    return counts;
  }

  function buildTypeFilter() {
    const counts = counted(nodes.map((node) => node.type));
    const order = Object.keys(TYPE_TITLES).concat([...counts.keys()]);
    for (const type of new Set(order)) {
      if (!counts.has(type)) continue;
      checkbox(typeFilter, type, TYPE_TITLES[type] || type, counts.get(type), true, (on) => {
        if (on) state.hiddenTypes.delete(type);
        else state.hiddenTypes.add(type);
        applyFilters();
      }, true);
    }
  }

  function buildEdgeFilter() {
    const counts = counted(links.map((link) => link.type));
    for (const type of [...counts.keys()].sort()) {
      checkbox(edgeFilter, type, type, counts.get(type), !state.hiddenEdges.has(type), (on) => {
        if (on) state.hiddenEdges.delete(type);
        else state.hiddenEdges.add(type);
        applyFilters();
      });
    }
  }

  // One group of options per concept type, each concept with the claims that link to it.
  function buildConceptFilter() {
    for (const type of CONCEPT_TYPES) {
      const concepts = [];
      nodes.forEach((node, i) => {
        if (node.type === type) concepts.push(i);
      });
      if (!concepts.length) continue;
      concepts.sort((a, b) => nodeName(nodes[a]).localeCompare(nodeName(nodes[b])));
      const group = element('optgroup');
      group.label = TYPE_TITLES[type] || type;
      for (const i of concepts) {
        const claims = adjacency[i].filter(({ node }) => nodes[node].type === 'claim').length;
        const option = element('option', null,
          nodeName(nodes[i]) + (claims ? ' (' + claims + (claims === 1 ? ' claim)' : ' claims)') : ''));
        option.value = nodes[i].id;
        group.append(option);
      }
      conceptFilter.append(group);
    }
    conceptFilter.disabled = conceptFilter.options.length <= 1;
    conceptFilter.addEventListener('change', () => {
      const chosen = indexOf.get(conceptFilter.value);
      state.concept = chosen === undefined ? -1 : chosen;
      applyFilters();
      fit();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Evidence-and-gap maps: outcomes down, populations (or interventions) across, as the report
  // draws them; each cell shaded by its distinct works, "works (claims)" in it, gaps "·".

  function count(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function chooseCell(cell) {
    if (state.cell) state.cell.button.setAttribute('aria-pressed', 'false');
    state.cell = state.cell && state.cell.button === cell.button ? null : cell;
    if (state.cell) state.cell.button.setAttribute('aria-pressed', 'true');
    if (state.cell && search.value) search.value = '';
    state.words = [];
    highlight();
  }

  function gapTable(map) {
    const table = element('table', 'evg-gap-table');
    const across = TYPE_TITLES[map.row_type] || map.row_type;
    table.append(element('caption', null, across + ' \u00d7 outcomes: distinct works (claims) ' +
      'behind each cell; \u00b7 is a gap. Click a cell to see its claims and works.'));
    const head = element('tr');
    head.append(element('th', null, 'Outcome \u2193 \u00b7 ' + map.row_type + ' \u2192'));
    for (const r of map.rows) {
      const th = element('th', null, nodeName(nodes[r]));
      th.scope = 'col';
      head.append(th);
    }
    table.append(element('thead'));
    table.tHead.append(head);
    const body = element('tbody');
    map.columns.forEach((column, c) => {
      const row = element('tr');
      const th = element('th', null, nodeName(nodes[column]));
      th.scope = 'row';
      row.append(th);
      map.rows.forEach((population, r) => {
        const cell = map.cells[r * map.columns.length + c];
        const td = element('td');
        const button = element('button', 'evg-gap-cell',
          cell.claims.length ? cell.works.length + ' (' + cell.claims.length + ')' : '\u00b7');
        button.type = 'button';
        button.style.background = cell.fill;
        button.style.color = cell.ink;
        const title = nodeName(nodes[population]) + ' \u00d7 ' + nodeName(nodes[column]) + ': ' +
          (cell.claims.length ? count(cell.works.length, 'work', 'works') + ' (' +
            count(cell.claims.length, 'claim', 'claims') + ')' : 'a gap, no claim');
        button.title = title;
        button.setAttribute('aria-label', title);
        button.setAttribute('aria-pressed', 'false');
        button.addEventListener('click', () => chooseCell({
          title, button, nodes: cell.claims.concat(cell.works),
        }));
        td.append(button);
        row.append(td);
      });
      body.append(row);
    });
    table.append(body);
    return table;
  }

  function showGapMap(k) {
    if (state.cell) chooseCell(state.cell);
    gapPanel.replaceChildren();
    if (gapMaps.length > 1) {
      const choice = element('select');
      choice.setAttribute('aria-label', 'Which gap map');
      gapMaps.forEach((map, m) => {
        const option = element('option', null,
          (TYPE_TITLES[map.row_type] || map.row_type) + ' \u00d7 outcomes');
        option.value = String(m);
        option.selected = m === k;
        choice.append(option);
      });
      choice.addEventListener('change', () => showGapMap(Number(choice.value)));
      gapPanel.append(choice);
    }
    gapPanel.append(gapTable(gapMaps[k]));
  }

  function buildGapMaps() {
    gapToggle.disabled = gapMaps.length === 0;
    if (!gapMaps.length) {
      gapToggle.title = nodes.some((node) => node.type === 'claim')
        ? 'No gap map: the graph has no outcomes, or no populations and interventions'
        : 'No gap map: this graph has no claims (a summary view?)';
    }
    gapToggle.addEventListener('click', () => {
      const open = gapPanel.hidden;
      gapPanel.hidden = !open;
      gapToggle.setAttribute('aria-expanded', String(open));
      if (open && !gapPanel.firstChild) showGapMap(0);
      if (!open && state.cell) chooseCell(state.cell);
    });
  }

  function nodeIndexOf(target) {
    const group = target instanceof Element ? target.closest('g.node') : null;
    if (!group) return -1;
    const i = indexOf.get(group.id);
    return i === undefined ? -1 : i;
  }

  // Scales the picture and keeps the point at the centre of the view (or the selected node) there.
  function zoom(scale) {
    const box = svg.viewBox.baseVal;
    if (!box || !box.width) return;
    const centreX = (canvas.scrollLeft + canvas.clientWidth / 2) / Math.max(1, canvas.scrollWidth);
    const centreY = (canvas.scrollTop + canvas.clientHeight / 2) / Math.max(1, canvas.scrollHeight);
    state.scale = Math.min(4, Math.max(0.05, scale));
    svg.setAttribute('width', (box.width * state.scale).toFixed(1) + 'pt');
    svg.setAttribute('height', (box.height * state.scale).toFixed(1) + 'pt');
    if (state.selected >= 0 && nodeElements[state.selected]) {
      nodeElements[state.selected].scrollIntoView({ block: 'center', inline: 'center' });
      return;
    }
    canvas.scrollLeft = centreX * canvas.scrollWidth - canvas.clientWidth / 2;
    canvas.scrollTop = centreY * canvas.scrollHeight - canvas.clientHeight / 2;
  }

  // The part of the picture that is shown, as fractions of the picture's width and height: the
  // whole picture when nothing is filtered out, else the box around the nodes left.
  function shownBox() {
    const whole = { left: 0, top: 0, right: 1, bottom: 1 };
    if (visible.every(Boolean)) return whole;
    const frame = svg.getBoundingClientRect();
    if (!frame.width || !frame.height) return whole;
    let box = null;
    nodeElements.forEach((target, i) => {
      if (!target || !visible[i]) return;
      const r = target.getBoundingClientRect();
      box = box ? { left: Math.min(box.left, r.left), top: Math.min(box.top, r.top),
        right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom) }
        : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    if (!box) return whole;
    return { left: (box.left - frame.left) / frame.width, top: (box.top - frame.top) / frame.height,
      right: (box.right - frame.left) / frame.width, bottom: (box.bottom - frame.top) / frame.height };
  }

  // What is shown, in view and centred, never enlarged past the picture's own size.
  function fit() {
    const box = svg.viewBox.baseVal;
    if (!box || !box.width) return;
    const part = shownBox();
    const pt = 4 / 3;
    const margin = 16;
    const width = (canvas.clientWidth - margin) / (box.width * pt * Math.max(1e-6, part.right - part.left));
    const height = (canvas.clientHeight - margin) / (box.height * pt * Math.max(1e-6, part.bottom - part.top));
    state.scale = Math.min(1, Math.max(0.05, Math.min(width, height)));
    svg.setAttribute('width', (box.width * state.scale).toFixed(1) + 'pt');
    svg.setAttribute('height', (box.height * state.scale).toFixed(1) + 'pt');
    const frame = svg.getBoundingClientRect();
    const view = canvas.getBoundingClientRect();
    const x = frame.left - view.left + canvas.scrollLeft + frame.width * (part.left + part.right) / 2;
    const y = frame.top - view.top + canvas.scrollTop + frame.height * (part.top + part.bottom) / 2;
    canvas.scrollLeft = x - canvas.clientWidth / 2;
    canvas.scrollTop = y - canvas.clientHeight / 2;
  }

  function neutraliseSvgLinks() {
    for (const a of svg.querySelectorAll('a')) {
      a.setAttribute('tabindex', '-1');
      const href = a.getAttribute('href') || a.getAttributeNS(XLINK_NS, 'href');
      if (!safeUrl(href)) {
        a.removeAttribute('href');
        a.removeAttributeNS(XLINK_NS, 'href');
      }
    }
  }

  function start() {
    neutraliseSvgLinks();
    nodeElements.forEach((target, i) => {
      if (!target) return;
      target.setAttribute('tabindex', '0');
      target.setAttribute('role', 'button');
      target.setAttribute('aria-label', nodes[i].type + ': ' + nodeName(nodes[i]));
    });
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
    let pending = 0;
    search.addEventListener('input', () => {
      clearTimeout(pending);
      const run = () => {
        state.words = fold(search.value).split(' ').filter(Boolean);
        highlight();
      };
      if (state.cell) {
        state.cell.button.setAttribute('aria-pressed', 'false');
        state.cell = null;
      }
      if (large) pending = setTimeout(run, SEARCH_DELAY_MS);
      else run();
    });
    search.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      const first = results.querySelector('button');
      if (first) first.click();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && state.selected < 0 && state.cell) {
        chooseCell(state.cell);
        return;
      }
      if (event.key !== 'Escape' || state.selected < 0) return;
      const previous = nodeElements[state.selected];
      const inDetails = details.contains(document.activeElement);
      select(-1, false);
      if (inDetails && previous) previous.focus({ preventScroll: true });
    });
    document.getElementById('evg-zoom-in').addEventListener('click', () => zoom(state.scale * 1.25));
    document.getElementById('evg-zoom-out').addEventListener('click', () => zoom(state.scale / 1.25));
    document.getElementById('evg-zoom-fit').addEventListener('click', fit);
    buildTypeFilter();
    buildEdgeFilter();
    buildConceptFilter();
    buildGapMaps();
    fit();
    applyFilters();
    showDetails(-1);
    document.documentElement.dataset.evgReady = 'true';
  }

  if (svg) start();
})();
