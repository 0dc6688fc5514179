import { useEffect, useRef } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { KgEntityType, KgNeighbourhood } from '../../../main/common/contract/kg.js';
import { word } from '../i18n.js';
import './KgGraph.css';

/** One colour per entity type (the legend on the screen uses the same). */
export const ENTITY_COLOURS: Record<KgEntityType, string> = {
  service: '#1677ff',
  material: '#52c41a',
  department: '#fa8c16',
  document: '#722ed1',
  section: '#13c2c2',
  term: '#eb2f96',
};

/** The entity types in legend order (the contract's zod enum stays out of the console bundle). */
export const ENTITY_TYPES = Object.keys(ENTITY_COLOURS) as KgEntityType[];

/** The graph's host element; the Cytoscape instance hangs on it for tests and debugging (`host.cy.nodes()`). */
export type GraphHost = HTMLDivElement & { cy?: Core };

/**
 * Cytoscape's renderer prepends `<style id="__________cytoscape_stylesheet">` to <head> unless an element with that
 * id exists; the console's CSP refuses inline styles (and reports them), so a placeholder takes the id and
 * KgGraph.css carries the one rule it would have added.
 */
function preemptInlineStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.prepend(placeholder);
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      label: 'data(label)',
      'font-size': 12,
      color: '#1f2933',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '110px',
      width: 22,
      height: 22,
    },
  },
  { selector: 'node.center', style: { width: 36, height: 36, 'border-width': 3, 'border-color': '#1f2933', 'font-size': 14, 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#b3bcc6',
      'target-arrow-color': '#b3bcc6',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 10,
      color: '#6b7785',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
];

/** Beyond this a fitted small neighbourhood's labels run into each other. */
const MAX_FIT_ZOOM = 1.25;

const short = (s: string, n = 16) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Hops from the centre (breadth first over the edges in both directions), for the concentric rings. */
function hopsFrom(center: string, g: KgNeighbourhood): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const e of g.edges) {
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
    next.set(e.target, [...(next.get(e.target) ?? []), e.source]);
  }
  const hops = new Map([[center, 0]]);
  const queue = [center];
  while (queue.length) {
    const id = queue.shift()!;
    for (const n of next.get(id) ?? []) {
      if (!hops.has(n)) {
        hops.set(n, hops.get(id)! + 1);
        queue.push(n);
      }
    }
  }
  return hops;
}

function elementsOf(g: KgNeighbourhood): ElementDefinition[] {
  const ids = new Set(g.nodes.map((n) => n.id));
  return [
    ...g.nodes.map((n) => ({
      group: 'nodes' as const,
      data: { id: n.id, label: short(n.name), full: n.nameEn ? `${n.name} ${n.nameEn}` : n.name, type: n.type, colour: ENTITY_COLOURS[n.type] },
      classes: n.id === g.center ? 'center' : '',
    })),
    ...g.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, label: word(`kg.rel.${e.type}`) } })),
  ];
}

/**
 * An entity's neighbourhood drawn with Cytoscape.js: nodes coloured by type, edges labelled with the relation,
 * the centre in the middle and each hop a ring around it. Tapping a node asks to centre on it.
 * `lang` redraws the labels when the console's language changes.
 */
export function KgGraph({ graph, onPick, lang }: { graph: KgNeighbourhood; onPick: (id: string) => void; lang: string }) {
  const host = useRef<GraphHost>(null);
  const cyRef = useRef<Core | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    preemptInlineStylesheet();
    const cy = cytoscape({ container: el, style: STYLE, minZoom: 0.25, maxZoom: 3 });
    cy.on('tap', 'node', (e) => pick.current(e.target.id() as string));
    cy.on('mouseover', 'node', (e) => {
      el.title = e.target.data('full') as string;
    });
    el.cy = cy;
    cyRef.current = cy;
    return () => {
      cy.destroy();
      delete el.cy;
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    const el = host.current;
    if (!cy || !el) return;
    const hops = hopsFrom(graph.center, graph);
    const far = Math.max(0, ...hops.values()) + 1;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elementsOf(graph));
    });
    cy.layout({
      name: 'concentric',
      concentric: (n) => far - (hops.get(n.id()) ?? far),
      levelWidth: () => 1,
      minNodeSpacing: 60,
      avoidOverlap: true,
      animate: false,
      padding: 30,
    }).run();
    // A small neighbourhood fitted to the box would be zoomed in until its labels overlap: cap the zoom.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    // What was drawn, for the tests (and a quick look in the inspector).
    el.dataset.nodes = String(cy.nodes().length);
    el.dataset.edges = String(cy.edges().length);
    el.dataset.center = graph.center;
  }, [graph, lang]);

  return <div ref={host} className="kg-graph" data-testid="kg-graph" role="img" aria-label={graph.center} />;
}
