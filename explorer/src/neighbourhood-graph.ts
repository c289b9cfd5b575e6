/**
 * The graph view of an entity's neighbourhood: click a node to open it, right-click to expand
 * it, click an edge for its evidence; filter by relationship type; a date slider for `asOf`.
 */
import type { Core, ElementDefinition } from 'cytoscape';
import { html, nothing, render } from 'lit-html';
import { query } from './api';
import { formatValidity, localDate, utcDay } from './dates';
import { evidenceList } from './evidence';
import { graphql } from './gql';
import type { NeighbourhoodQuery } from './gql/graphql';
import { createGraphCanvas, edgeElement, LAYOUT, nodeElement } from './graph-canvas';
import { kindLegend } from './kinds';
import { entityHref } from './router';

const NEIGHBOURHOOD = graphql(`
  query Neighbourhood($slug: String!, $depth: Int!, $asOf: LocalDate) {
    neighborhood(slug: $slug, depth: $depth, asOf: $asOf, limit: 60) {
      truncated
      nodes {
        distance
        node {
          slug
          name
          kind
        }
      }
      links {
        id
        source
        target
        type
        relation {
          role
          validFrom {
            ...DateParts
          }
          validTo {
            ...DateParts
          }
          evidence {
            ...EvidenceParts
          }
        }
      }
    }
  }
`);

type Neighbourhood = NonNullable<NeighbourhoodQuery['neighborhood']>;
type Link = Neighbourhood['links'][number];

/** The slider runs from 1900, well before the graph's oldest dated fact (1960), to today. */
const FIRST_DAY = utcDay('1900-01-01').getTime();
const DAY_MS = 86_400_000;

interface GraphState {
  depth: number;
  asOf: string | undefined;
  hiddenTypes: Set<string>;
  types: string[];
  links: Map<string, Link>;
  selected: Link | undefined;
  truncated: boolean;
  error: string | undefined;
}

export function mountNeighbourhoodGraph(container: HTMLElement, slug: string): void {
  const state: GraphState = {
    depth: 2,
    asOf: undefined,
    hiddenTypes: new Set(),
    types: [],
    links: new Map(),
    selected: undefined,
    truncated: false,
    error: undefined,
  };
  let canvas: Core | undefined;
  let sliderTimer: ReturnType<typeof setTimeout> | undefined;
  const today = Date.now();

  const load = async () => {
    const answer = await query(NEIGHBOURHOOD, { slug, depth: state.depth, asOf: state.asOf });
    const neighbourhood = answer.neighborhood;
    if (!neighbourhood) throw new Error(`no entity has the slug ${slug}`);
    state.links = new Map(neighbourhood.links.map((link) => [link.id, link]));
    state.truncated = neighbourhood.truncated;
    state.selected = undefined;
    canvas?.destroy();
    canvas = createGraphCanvas(canvasElement(), elementsOf(neighbourhood, slug));
    canvas.on('tap', 'node', (event) => {
      location.hash = entityHref(event.target.id());
    });
    canvas.on('cxttap', 'node', (event) => void expand(event.target.id()).catch(fail));
    canvas.on('tap', 'edge', (event) => {
      state.selected = state.links.get(event.target.id());
      draw();
    });
    noteTypes();
    applyFilter();
    container.dataset.nodes = String(canvas.nodes().length);
    performance.mark('explorer:graph-drawn');
    draw();
  };

  const expand = async (nodeSlug: string) => {
    const answer = await query(NEIGHBOURHOOD, { slug: nodeSlug, depth: 1, asOf: state.asOf });
    if (!answer.neighborhood || !canvas) return;
    const added = elementsOf(answer.neighborhood).filter((element) =>
      canvas!.getElementById(String(element.data.id)).empty(),
    );
    for (const link of answer.neighborhood.links) state.links.set(link.id, link);
    canvas.add(added);
    canvas.layout(LAYOUT).run();
    noteTypes();
    applyFilter();
    container.dataset.nodes = String(canvas.nodes().length);
    draw();
  };

  const noteTypes = () => {
    state.types = [...new Set([...state.links.values()].map((link) => link.type))].sort();
  };

  const applyFilter = () => {
    canvas?.edges().forEach((edge) => {
      edge.toggleClass('hidden', state.hiddenTypes.has(String(edge.data('type'))));
    });
  };

  const fail = (error: Error) => {
    state.error = error.message;
    draw();
  };

  const reload = () => void load().catch(fail);

  const onSlider = (event: Event) => {
    const day = Number((event.target as HTMLInputElement).value);
    state.asOf = localDate(new Date(FIRST_DAY + day * DAY_MS));
    draw();
    clearTimeout(sliderTimer);
    sliderTimer = setTimeout(reload, 250);
  };

  const nameOf = (nodeSlug: string) =>
    String(canvas?.getElementById(nodeSlug).data('label') ?? nodeSlug);

  const canvasElement = () => container.querySelector<HTMLElement>('.graph-canvas')!;

  const draw = () => {
    const lastDay = Math.floor((today - FIRST_DAY) / DAY_MS);
    const sliderDay = state.asOf
      ? Math.round((utcDay(state.asOf).getTime() - FIRST_DAY) / DAY_MS)
      : lastDay;
    render(
      html`<div class="graph-controls">
          <label
            >Depth
            <select
              @change=${(event: Event) => {
                state.depth = Number((event.target as HTMLSelectElement).value);
                reload();
              }}
            >
              ${[1, 2, 3].map(
                (depth) =>
                  html`<option value=${depth} ?selected=${depth === state.depth}>${depth}</option>`,
              )}
            </select></label
          >
          <label
            ><input
              type="checkbox"
              .checked=${state.asOf !== undefined}
              @change=${(event: Event) => {
                const on = (event.target as HTMLInputElement).checked;
                state.asOf = on ? localDate(new Date(today)) : undefined;
                reload();
              }}
            />
            As of</label
          >
          <input
            type="range"
            class="as-of"
            aria-label="As of date"
            min="0"
            max=${lastDay}
            .value=${String(sliderDay)}
            ?disabled=${state.asOf === undefined}
            @input=${onSlider}
          />
          <output>${state.asOf ?? 'any date'}</output>
          ${
            state.truncated
              ? html`<span class="muted">(the nearest 60 entities are shown)</span>`
              : nothing
          }
        </div>
        <fieldset class="type-filter">
          <legend>Relationship types</legend>
          ${state.types.map(
            (type) =>
              html`<label
                ><input
                  type="checkbox"
                  .checked=${!state.hiddenTypes.has(type)}
                  @change=${(event: Event) => {
                    if ((event.target as HTMLInputElement).checked) state.hiddenTypes.delete(type);
                    else state.hiddenTypes.add(type);
                    applyFilter();
                  }}
                />
                ${type}</label
              >`,
          )}
        </fieldset>
        ${state.error ? html`<p class="error">${state.error}</p>` : nothing} ${kindLegend()}
        <div class="graph-layout">
          <div class="graph-canvas" aria-label="Neighbourhood graph"></div>
          <aside class="edge-evidence">
            ${
              state.selected
                ? html`<h4>${state.selected.type}</h4>
                    <p class="muted">
                      ${nameOf(state.selected.source)} → ${nameOf(state.selected.target)}
                      ${state.selected.relation.role ? `(${state.selected.relation.role})` : ''}
                      ${formatValidity(
                        state.selected.relation.validFrom,
                        state.selected.relation.validTo,
                      )}
                    </p>
                    ${evidenceList(state.selected.relation.evidence)}`
                : html`<p class="muted">
                    Click a node to open it, right-click a node to expand it, click an edge to see
                    its evidence.
                  </p>`
            }
          </aside>
        </div>`,
      container,
    );
  };

  draw();
  reload();
}

function elementsOf(neighbourhood: Neighbourhood, centre?: string): ElementDefinition[] {
  return [
    ...neighbourhood.nodes.map(({ node }) =>
      nodeElement({
        id: node.slug,
        label: node.name,
        kind: node.kind,
        centre: node.slug === centre,
      }),
    ),
    ...neighbourhood.links.map(({ id, source, target, type }) =>
      edgeElement({ id, source, target, type }),
    ),
  ];
}
