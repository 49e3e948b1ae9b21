// usage: node check_svg.js DIAGRAM.svg   (or REPORT.html: a page that should hold no script)
// Opens an SVG evgraph rendered (or another file meant to run no script) straight from disk in
// headless Chromium (Debian's /usr/bin/chromium, driven by puppeteer-core), as someone
// double-clicking the file would, and fails if any script runs in it (a <script> element, an on*
// attribute, a javascript: URL: Chromium's debugger reports every script it compiles), if it asks
// for anything beyond its own file, or if it navigates. Every element but the links gets a click
// and a mouseover, so that event handlers would fire. Prints what it found and exits 1 on any of
// it.
'use strict';

const path = require('path');
const puppeteer = require('puppeteer-core');

const [svgPath] = process.argv.slice(2);
if (!svgPath) {
  console.error('usage: node check_svg.js DIAGRAM.svg');
  process.exit(2);
}

async function main() {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions'],
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    const svgUrl = 'file://' + path.resolve(svgPath);
    const session = await page.target().createCDPSession();
    await session.send('Debugger.enable');
    session.on('Debugger.scriptParsed', (script) => {
      // puppeteer's own evaluations carry its pptr: URL; anything else is the SVG's.
      if (!script.url.startsWith('pptr:')) {
        problems.push(`a script ran (${script.url || 'inline'}, line ${script.startLine})`);
      }
    });
    page.on('dialog', async (dialog) => {
      problems.push(`a script opened a ${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push('script error: ' + error.message));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url() === svgUrl) return request.continue();
      problems.push('request left the file: ' + request.url());
      return request.abort();
    });
    await page.goto(svgUrl, { waitUntil: 'load' });
    page.on('framenavigated', (frame) => {
      if (frame.url() !== svgUrl) problems.push('navigated to ' + frame.url());
    });

    const found = await page.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      const scripts = all.filter((e) => e.localName === 'script').length;
      const handlers = all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name))
        .map((a) => `<${e.localName} ${a.name}>`));
      // Graphviz wraps tooltips in <a> without a target; only those with one are links.
      const links = all.filter((e) => e.localName === 'a').map((e) =>
        e.getAttribute('href') || e.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '')
        .filter((href) => href !== '');
      for (const element of all) {
        if (element.closest('a')) continue;
        for (const type of ['mouseover', 'click']) {
          element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
        }
      }
      return { root: document.documentElement.localName, count: all.length, scripts, handlers,
        links };
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const root = /\.html?$/i.test(svgPath) ? 'html' : 'svg';
    if (found.root !== root) problems.push(`the document is <${found.root}>, not <${root}>`);
    if (found.scripts) problems.push(`${found.scripts} <script> element(s)`);
    problems.push(...found.handlers.map((h) => 'an event handler attribute: ' + h));
    const unsafe = found.links.filter((href) => !/^https?:\/\//i.test(href));
    problems.push(...unsafe.map((href) => 'a link that is not http(s): ' + href));
    console.log(`${svgPath}: ${found.count} elements, ${found.links.length} links, ` +
      `${problems.length} problem(s)`);
  } finally {
    await browser.close();
  }
  for (const problem of problems) console.error('FAIL: ' + problem);
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
