#!/usr/bin/env node
// usage: NODE_PATH=<build>/tests/node/node_modules node read_exports.js GRAPH.json GRAPH.cyjs
//        GRAPH.graphology.json
// Loads one graph's .cyjs into headless Cytoscape.js and its graphology JSON with graphology's
// Graph.from, the way their users do, and checks both against the node-link JSON of the same run:
// node and edge counts, every node's id, type, label, claim text and every other attribute, every
// edge's ends, type and attributes. Prints one summary line; exit 1 and the differences otherwise.
'use strict';
const fs = require('fs');
const assert = require('assert');
const cytoscape = require('cytoscape');
const { Graph } = require('graphology');

const [jsonPath, cyjsPath, graphologyPath] = process.argv.slice(2);
if (!graphologyPath) {
  console.error('usage: node read_exports.js GRAPH.json GRAPH.cyjs GRAPH.graphology.json');
  process.exit(2);
}
const read = (path) => JSON.parse(fs.readFileSync(path, 'utf8'));
const problems = [];
const short = (value) => {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 90 ? `${text.slice(0, 90)}…` : text;
};

function same(a, b) {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

// Every attribute the node-link JSON gives, the named ones first so that a difference in them is
// reported by name.
function compare(where, expected, actual, skip = []) {
  const keys = ['id', 'type', 'label', 'text'].filter((k) => k in expected);
  for (const key of Object.keys(expected)) if (!keys.includes(key)) keys.push(key);
  for (const key of keys) {
    if (skip.includes(key)) continue;
    if (!same(actual[key], expected[key])) {
      problems.push(`${where}: ${key} is ${short(actual[key])}, JSON has ${short(expected[key])}`);
    }
  }
}

const edgeKey = (source, target, type) => JSON.stringify([source, target, type]);

function indexLinks(data) {
  const links = new Map();
  for (const link of data.links) links.set(edgeKey(link.source, link.target, link.type), link);
  if (links.size !== data.links.length) {
    problems.push('node-link JSON: two links share ends and type');
  }
  return links;
}

function checkCytoscape(data, links) {
  const cyjs = read(cyjsPath);
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: cyjs.elements });
  const parents = cy.nodes().filter((n) => n.isParent());
  const nodes = cy.nodes().filter((n) => !n.isParent());
  const types = new Set(data.nodes.map((n) => n.type));
  if (nodes.length !== data.nodes.length || cy.edges().length !== data.links.length) {
    problems.push(`Cytoscape.js: ${nodes.length} nodes, ${cy.edges().length} edges; JSON has ` +
                  `${data.nodes.length} nodes, ${data.links.length} links`);
  }
  if (parents.length !== types.size) {
    problems.push(`Cytoscape.js: ${parents.length} compound parents for ${types.size} node types`);
  }
  for (const node of data.nodes) {
    const element = cy.getElementById(node.id);
    if (element.empty() || !element.isNode()) {
      problems.push(`Cytoscape.js: node ${short(node.id)} missing`);
      continue;
    }
    compare(`Cytoscape.js node ${short(node.id)}`, node, element.data());
    if (element.parent().data('name') !== `${node.type[0].toUpperCase()}${node.type.slice(1)}s`) {
      problems.push(`Cytoscape.js node ${short(node.id)}: parent ${element.parent().id()}`);
    }
  }
  cy.edges().forEach((edge) => {
    const data = edge.data();
    const link = links.get(edgeKey(edge.source().id(), edge.target().id(), data.type));
    if (!link) {
      problems.push(`Cytoscape.js: edge ${short(data.id)} is not in the JSON`);
      return;
    }
    compare(`Cytoscape.js edge ${short(data.id)}`, link, data);
    if (data.interaction !== link.type) {
      problems.push(`Cytoscape.js edge ${short(data.id)}: interaction ${short(data.interaction)}`);
    }
  });
  return `Cytoscape.js ${nodes.length} nodes (+${parents.length} parents), ` +
         `${cy.edges().length} edges`;
}

function checkGraphology(data, links) {
  const serialized = read(graphologyPath);
  const graph = Graph.from(serialized);
  if (graph.type !== 'directed') problems.push(`graphology: a ${graph.type} graph`);
  if (graph.order !== data.nodes.length || graph.size !== data.links.length) {
    problems.push(`graphology: ${graph.order} nodes, ${graph.size} edges; JSON has ` +
                  `${data.nodes.length} nodes, ${data.links.length} links`);
  }
  for (const node of data.nodes) {
    if (!graph.hasNode(node.id)) {
      problems.push(`graphology: node ${short(node.id)} missing`);
      continue;
    }
    const attributes = graph.getNodeAttributes(node.id);
    compare(`graphology node ${short(node.id)}`, node, { id: node.id, ...attributes },
            node.label === '' ? ['label'] : []);
    for (const key of ['x', 'y', 'size']) {
      if (!Number.isFinite(attributes[key])) {
        problems.push(`graphology node ${short(node.id)}: ${key} is ${short(attributes[key])}`);
      }
    }
  }
  graph.forEachEdge((key, attributes, source, target) => {
    const link = links.get(edgeKey(source, target, attributes.type));
    if (!link) {
      problems.push(`graphology: edge ${short(key)} is not in the JSON`);
      return;
    }
    compare(`graphology edge ${short(key)}`, link, { source, target, ...attributes });
  });
  return `graphology ${graph.order} nodes, ${graph.size} edges ` +
         `(${graph.multi ? 'multi ' : ''}${graph.type})`;
}

const data = read(jsonPath);
const links = indexLinks(data);
const summaries = [];
for (const check of [checkCytoscape, checkGraphology]) {
  try {
    summaries.push(check(data, links));
  } catch (error) {
    problems.push(`${check.name}: ${error.stack || error}`);
  }
}
for (const problem of problems.slice(0, 40)) console.error(`FAIL: ${problem}`);
if (problems.length > 40) console.error(`FAIL: … and ${problems.length - 40} more`);
console.log(`${jsonPath}: ${data.nodes.length} nodes, ${data.links.length} links; ` +
            `${summaries.join('; ')}; ${problems.length} problems (Node.js ${process.version})`);
process.exit(problems.length ? 1 : 0);
