// usage: node check_page.js PAGE.html GRAPH.json SCREENSHOT.png [QUERY]   (QUERY must match)
// Opens evgraph's HTML page from disk in headless Chromium (Debian's /usr/bin/chromium, driven by
// puppeteer-core) with the network cut off, and uses it as a person would: searches for QUERY (by
// default the first population's label), clicks the claim with the most links, filters by type and
// by a population, an intervention and an outcome, and checks each time that exactly the nodes and
// edges the node-link JSON GRAPH implies are highlighted, and that what a filter leaves is in view. Fails on any script error, any request leaving the file, any script that
// is not the page's own, and any link that is not http(s). Saves a screenshot after the click.
'use strict';

const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [pagePath, graphPath, screenshotPath, queryArg] = process.argv.slice(2);
if (!screenshotPath) {
  console.error('usage: node check_page.js PAGE.html GRAPH.json SCREENSHOT.png [QUERY]');
  process.exit(2);
}

const graph = JSON.parse(fs.readFileSync(graphPath, 'utf8'));
const nodes = graph.nodes;
const links = graph.links || graph.edges;
const failures = [];

function expectEqualSets(what, actual, expected) {
  const a = [...actual].sort();
  const e = [...expected].sort();
  if (a.length !== e.length || a.some((x, i) => x !== e[i])) {
    const missing = e.filter((x) => !actual.has(x));
    const extra = a.filter((x) => !expected.has(x));
    failures.push(`${what}: missing ${JSON.stringify(missing.slice(0, 5))}, ` +
      `unexpected ${JSON.stringify(extra.slice(0, 5))}`);
  }
}

function expect(what, ok) {
  if (!ok) failures.push(what);
}

function neighbours(id) {
  const near = new Set();
  const incident = new Set();
  links.forEach((link, k) => {
    if (link.source === id) near.add(link.target);
    else if (link.target === id) near.add(link.source);
    else return;
    incident.add('link' + k);
  });
  return { near, incident };
}

// Search's rule: every word of the query, folded (accents dropped, hyphens and dashes as spaces,
// curly quotes straight, lower case), in the folded label, text, title, path, identifier, URLs or
// authors.
function fold(text) {
  return String(text).normalize('NFKD').replace(/\p{M}+/gu, '')
    .replace(/[-\u00ad\u2010-\u2015\u2212]+/g, ' ').replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"').toLowerCase().replace(/\s+/g, ' ').trim();
}

function matches(query) {
  const words = fold(query).split(' ').filter(Boolean);
  return new Set(nodes.filter((node) => {
    const text = fold([node.label, node.text, node.title, node.path, node.identifier, node.url,
      ...(node.authors || []), ...(node.urls || [])].filter((p) => typeof p === 'string' && p)
      .join('\n'));
    return words.every((word) => text.includes(word));
  }).map((n) => n.id));
}

const nodeIds = new Set(nodes.map((n) => n.id));
let searched = '';
let gapped = '';

// Ids of the SVG groups that carry `className`, nodes and edges alike.
async function marked(page, className) {
  return new Set(await page.$$eval(`#evg-canvas .${className}`, (list) => list.map((e) => e.id)));
}

// Clicks `claim` (the one with the most links), follows a link from its details, then filters by
// type.
async function useClaim(page, claim) {
  const target = await page.evaluateHandle((id) => document.getElementById(id), claim.id);
  await target.scrollIntoView();
  await target.click();
  const { near, incident } = neighbours(claim.id);
  expectEqualSets('selected node', await marked(page, 'evg-selected'), new Set([claim.id]));
  expectEqualSets(`neighbours of ${claim.id}`, await marked(page, 'evg-near'), near);
  expectEqualSets(`edges of ${claim.id}`, await marked(page, 'evg-on'), incident);
  const details = await page.$eval('#evg-details', (e) => e.innerText);
  expect('details lack the full claim text', details.includes(claim.text || claim.label));
  for (const occurrence of claim.occurrences || []) {
    expect(`details lack ${occurrence.document}:${occurrence.line}`,
      details.includes(`${occurrence.document}:${occurrence.line}`));
  }
  const listed = await page.$$eval('#evg-details .evg-neighbours > li', (list) => list.length);
  expect(`details list ${listed} linked nodes, not ${incident.size}`, listed === incident.size);
  await page.screenshot({ path: screenshotPath });

  // Clicking a linked node in the details moves the selection there.
  await page.click('#evg-details .evg-neighbours button');
  const moved = await marked(page, 'evg-selected');
  expect('clicking a linked node does not select it', moved.size === 1 && near.has([...moved][0]));
  await page.keyboard.press('Escape');
  expectEqualSets('selection after Escape', await marked(page, 'evg-selected'), new Set());

  // Hide one type.
  await page.click('#evg-types input[value="source"]');
  const sources = new Set(nodes.filter((n) => n.type === 'source').map((n) => n.id));
  const off = await marked(page, 'evg-off');
  expectEqualSets('nodes hidden with Sources unticked',
    new Set([...off].filter((id) => nodeIds.has(id))), sources);
  expect('the Sources frame is hidden with Sources unticked', off.has('cluster_source'));
  await page.click('#evg-types input[value="source"]');
}

// Keeps each of `concepts`: it, what it links to, and the neighbours of the claims among those;
// what is left is in view, and again after zooming in and pressing Fit.
async function useConcepts(page, concepts) {
  for (const concept of concepts) {
    await page.select('#evg-concept', concept.id);
    const kept = new Set([concept.id]);
    for (const other of neighbours(concept.id).near) {
      kept.add(other);
      if (nodes.find((n) => n.id === other).type !== 'claim') continue;
      for (const next of neighbours(other).near) kept.add(next);
    }
    const hidden = new Set(nodes.map((n) => n.id).filter((id) => !kept.has(id)));
    const off = new Set([...await marked(page, 'evg-off')].filter((id) => nodeIds.has(id)));
    expectEqualSets(`nodes hidden for ${concept.type} ${concept.label}`, off, hidden);
    await expectInView(page, `the nodes left for ${concept.label}`, kept);
    await page.click('#evg-zoom-in');
    await page.click('#evg-zoom-in');
    await page.$eval('#evg-canvas', (e) => { e.scrollLeft = 0; e.scrollTop = 0; });
    await page.click('#evg-zoom-fit');
    await expectInView(page, `the nodes left for ${concept.label} after Fit`, kept);
  }
  await page.select('#evg-concept', '');
}

// Opens the gap map and clicks its first cell with claims: exactly that cell's claims and works
// are highlighted, as worked out here from the JSON (claims with a concerns edge to the column's
// population and a reports edge to the row's outcome, and the works they cite).
async function useGapMap(page) {
  const populations = nodes.filter((n) => n.type === 'population');
  const outcomes = nodes.filter((n) => n.type === 'outcome');
  const disabled = await page.$eval('#evg-gap-toggle', (e) => e.disabled);
  const claims = nodes.filter((n) => n.type === 'claim');
  expect(`the gap map button is ${disabled ? 'off' : 'on'} for ${claims.length} claims, ` +
    `${populations.length} populations and ${outcomes.length} outcomes`,
    disabled === (claims.length === 0 || populations.length === 0 || outcomes.length === 0));
  if (disabled) return 'no gap map';
  await page.click('#evg-gap-toggle');
  const shape = await page.$$eval('#evg-gaps table tbody tr', (rows) => rows.map((row) =>
    [row.querySelector('th').textContent, row.querySelectorAll('.evg-gap-cell').length]));
  expect(`gap map has ${shape.length} outcome rows, not ${outcomes.length}`,
    shape.length === outcomes.length);
  expect('gap map rows are not one cell per population',
    shape.every(([, cells]) => cells === populations.length));
  const heads = await page.$$eval('#evg-gaps thead th', (list) => list.slice(1).map((th) => th.textContent));
  const picked = await page.$$eval('#evg-gaps tbody tr', (rows) => {
    for (let r = 0; r < rows.length; ++r) {
      const cells = rows[r].querySelectorAll('.evg-gap-cell');
      for (let c = 0; c < cells.length; ++c) {
        if (cells[c].textContent !== '\u00b7') {
          cells[c].click();
          return [rows[r].querySelector('th').textContent, c];
        }
      }
    }
    return null;
  });
  if (!picked) return 'gap map with no filled cell';
  const label = (n) => n.label || n.id;
  const outcome = outcomes.filter((n) => label(n) === picked[0]);
  const population = populations.filter((n) => label(n) === heads[picked[1]]);
  if (outcome.length !== 1 || population.length !== 1) return 'gap map (labels not unique)';
  const expected = new Set();
  for (const claim of nodes.filter((n) => n.type === 'claim')) {
    const out = links.filter((l) => l.source === claim.id);
    if (!out.some((l) => l.type === 'concerns' && l.target === population[0].id)) continue;
    if (!out.some((l) => l.type === 'reports' && l.target === outcome[0].id)) continue;
    expected.add(claim.id);
    for (const l of out) if (l.type === 'cites') expected.add(l.target);
  }
  expect('the first filled cell has no claim by the JSON', expected.size > 0);
  expectEqualSets(`nodes marked for ${heads[picked[1]]} \u00d7 ${picked[0]}`,
    await marked(page, 'evg-match'), expected);
  const listed = await page.$$eval('#evg-results button', (list) => list.length);
  expect(`${listed} results listed for a cell of ${expected.size} nodes`, listed === expected.size);
  await page.keyboard.press('Escape');
  expectEqualSets('marks after Escape', await marked(page, 'evg-match'), new Set());
  return `gap map (${heads[picked[1]]} \u00d7 ${picked[0]}: ${expected.size} nodes)`;
}

// Every node of `ids` lies inside the canvas's visible rectangle, and, unless the picture is at its
// own size (Fit never enlarges it), they fill at least half the view's width or height.
async function expectInView(page, what, ids) {
  const { outside, filled } = await page.evaluate((list) => {
    const view = document.getElementById('evg-canvas').getBoundingClientRect();
    const svg = document.querySelector('#evg-canvas svg');
    const out = [];
    const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    for (const id of list) {
      const r = document.getElementById(id).getBoundingClientRect();
      if (r.left < view.left - 1 || r.right > view.right + 1 || r.top < view.top - 1 ||
          r.bottom > view.bottom + 1 || r.height <= 0) out.push(id);
      box.left = Math.min(box.left, r.left);
      box.top = Math.min(box.top, r.top);
      box.right = Math.max(box.right, r.right);
      box.bottom = Math.max(box.bottom, r.bottom);
    }
    const full = parseFloat(svg.getAttribute('width')) >= svg.viewBox.baseVal.width - 0.5;
    return { outside: out, filled: full || box.right - box.left >= view.width / 2 ||
      box.bottom - box.top >= view.height / 2 };
  }, [...ids]);
  expect(`${what}: ${outside.length} not in view (${JSON.stringify(outside.slice(0, 3))})`,
    outside.length === 0);
  expect(`${what}: fitted into less than half the view`, filled);
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const errors = [];
    page.on('pageerror', (error) => errors.push('script error: ' + error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push('console error: ' + message.text());
    });
    await page.setRequestInterception(true);
    const pageUrl = 'file://' + path.resolve(pagePath);
    page.on('request', (request) => {
      if (request.url() === pageUrl) return request.continue();
      errors.push('request left the page: ' + request.url());
      return request.abort();
    });

    await page.goto(pageUrl, { waitUntil: 'load' });
    try {
      await page.waitForSelector('html[data-evg-ready="true"]', { timeout: 10000 });
    } catch (_) {
      throw new Error('the page script never finished starting\n  ' + errors.join('\n  '));
    }

    // The picture holds every node and edge of the JSON.
    const svgIds = new Set(await page.$$eval('#evg-canvas g.node, #evg-canvas g.edge',
      (list) => list.map((e) => e.id)));
    const missingNodes = nodes.filter((n) => !svgIds.has(n.id)).map((n) => n.id);
    expect(`SVG lacks nodes ${JSON.stringify(missingNodes.slice(0, 5))}`, missingNodes.length === 0);
    const missingLinks = links.map((_, k) => 'link' + k).filter((id) => !svgIds.has(id));
    expect(`SVG lacks edges ${JSON.stringify(missingLinks.slice(0, 5))}`, missingLinks.length === 0);
    const status = await page.$eval('#evg-status', (e) => e.textContent);
    expect(`status says "${status}"`, status === `${nodes.length} nodes, ${links.length} edges`);

    // Only the page's own two scripts, and only http(s) links, even where the evidence says other.
    const scripts = await page.$$eval('script', (list) => list.map((s) => s.type || 'classic'));
    expect(`page has scripts ${JSON.stringify(scripts)}`,
      JSON.stringify(scripts) === JSON.stringify(['application/json', 'classic']));
    const hrefs = await page.$$eval('a', (list) => list.map((a) =>
      a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href'))
      .filter((h) => h !== null));
    const unsafe = hrefs.filter((h) => !/^https?:\/\//i.test(h));
    expect(`links that are not http(s): ${JSON.stringify(unsafe.slice(0, 5))}`, unsafe.length === 0);
    expect('evidence text ran as script', !(await page.evaluate(() => 'evgraphPwned' in window)));

    // Search.
    const population = nodes.find((n) => n.type === 'population');
    const query = queryArg || (population ? population.label : 'claim');
    await page.type('#evg-search', query);
    const expected = matches(query);
    expect(`no node matches "${query}", given as one that does`, !queryArg || expected.size > 0);
    searched = `${expected.size} matches for "${query}"`;
    expectEqualSets(`nodes marked for "${query}"`, await marked(page, 'evg-match'), expected);
    const results = await page.$$eval('#evg-results button', (list) => list.length);
    expect(`${results} results listed for ${expected.size} matches`,
      results === Math.min(expected.size, 50));
    await page.$eval('#evg-search', (e) => { e.value = ''; e.dispatchEvent(new Event('input')); });

    const claims = nodes.filter((n) => n.type === 'claim');
    claims.sort((a, b) => neighbours(b.id).near.size - neighbours(a.id).near.size);
    if (claims.length) await useClaim(page, claims[0]);
    else await page.screenshot({ path: screenshotPath });
    // The first population, intervention and outcome that link to anything.
    const concepts = ['population', 'intervention', 'outcome']
      .map((type) => nodes.find((n) => n.type === type && neighbours(n.id).near.size > 0))
      .filter(Boolean);
    await useConcepts(page, concepts);
    gapped = await useGapMap(page);
    failures.push(...errors);
  } finally {
    await browser.close();
  }
  if (failures.length) {
    for (const failure of failures) console.error('check_page: ' + failure);
    process.exit(1);
  }
  console.log(`check_page: ${pagePath}: ${nodes.length} nodes, ${links.length} edges; search ` +
    `(${searched}), click, type and concept filters as the JSON implies, Fit, ${gapped}; ` +
    'screenshot ' +
    screenshotPath);
}

main().catch((error) => {
  console.error('check_page: ' + (error && error.stack ? error.stack : error));
  process.exit(1);
});
