/**
 * Cytoscape.js drawing shared by the neighbourhood graph and the console: nodes coloured by
 * kind, edges labelled by relationship type, a force-directed layout.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { EntityKind } from './gql/graphql';
import { KIND_COLOURS, OTHER_COLOUR } from './kinds';

export interface GraphNode {
  id: string;
  label: string;
  kind?: EntityKind;
  /** The centre of a neighbourhood is drawn larger. */
  centre?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}

export function nodeElement(node: GraphNode): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: node.id,
      label: node.label,
      colour: node.kind ? KIND_COLOURS[node.kind] : OTHER_COLOUR,
      size: node.centre ? 44 : 28,
    },
  };
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  return { group: 'edges', data: { ...edge } };
}

export function createGraphCanvas(container: HTMLElement, elements: ElementDefinition[]): Core {
  return cytoscape({
    container,
    elements,
    layout: LAYOUT,
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)',
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'ellipsis',
          'text-max-width': '140px',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.75,
        },
      },
      {
        selector: 'edge',
        style: {
          label: 'data(type)',
          'font-size': 8,
          color: '#4a5568',
          width: 1.5,
          'line-color': '#a0aec0',
          'target-arrow-color': '#a0aec0',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
        },
      },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#1a202c' } },
      { selector: 'edge:selected', style: { 'line-color': '#1a202c', width: 3 } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
}

/** Force-directed, without animation: the graph is drawn once, in its place. */
export const LAYOUT = {
  name: 'cose',
  animate: false,
  nodeRepulsion: () => 400_000,
  idealEdgeLength: () => 110,
  nodeOverlap: 20,
  gravity: 0.2,
  padding: 20,
} as const;
