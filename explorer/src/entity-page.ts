/**
 * An entity's page (#/entity/<slug>): what it is, its facts grouped by relationship type with
 * their evidence and dates, the claims about it side by side, its sources; then its
 * neighbourhood as a graph, its map and its timeline.
 */
import { html, nothing, render } from 'lit-html';
import { query } from './api';
import { formatDate, formatValidity } from './dates';
import { evidenceList } from './evidence';
import { graphql } from './gql';
import type { EntityPageQuery } from './gql/graphql';
import { KIND_COLOURS, kindName } from './kinds';
import { mountMap } from './map-view';
import { mountNeighbourhoodGraph } from './neighbourhood-graph';
import { entityHref } from './router';
import { mountTimeline } from './timeline-view';

const ENTITY_PAGE = graphql(`
  query EntityPage($slug: String!) {
    entity(slug: $slug) {
      slug
      name
      kind
      subkinds
      aliases
      description
      wikidataUrl
      ... on Event {
        date {
          ...DateParts
        }
      }
      sources {
        slug
        name
        kind
        publisher
        url
        date {
          value
        }
      }
      relations(first: 100) {
        totalCount
        edges {
          type
          direction
          role
          confidence
          validFrom {
            ...DateParts
          }
          validTo {
            ...DateParts
          }
          node {
            slug
            name
            kind
          }
          evidence {
            ...EvidenceParts
          }
        }
      }
      claims(first: 100) {
        totalCount
        edges {
          node {
            slug
            property
            label
            value
            valueText
            qualifier
            unit
            confidence
            quote
            claimedBy {
              name
              kind
            }
            reportedIn {
              name
            }
          }
        }
      }
    }
  }
`);

const SECTIONS = ['Facts', 'Claims', 'Sources', 'Graph', 'Map', 'Timeline'];

type Entity = NonNullable<EntityPageQuery['entity']>;
type Relation = Entity['relations']['edges'][number];
type Claim = Entity['claims']['edges'][number]['node'];

export async function showEntityPage(container: HTMLElement, slug: string): Promise<void> {
  render(html`<p class="muted">Loading ${slug}…</p>`, container);
  const { entity } = await query(ENTITY_PAGE, { slug });
  if (!entity) {
    render(html`<p class="error">No entity has the slug “${slug}”.</p>`, container);
    return;
  }
  document.title = `${entity.name} · sahel-graph explorer`;
  render(
    html`<article class="entity">
      <header>
        <h1>${entity.name}</h1>
        <p>
          <span class="badge" style="background:${KIND_COLOURS[entity.kind]}"
            >${kindName(entity.kind)}</span
          >
          ${entity.subkinds.map((subkind) => html`<span class="badge subtle">${subkind}</span>`)}
          ${'date' in entity && entity.date ? html`<time>${formatDate(entity.date)}</time>` : nothing}
        </p>
        <p>${entity.description}</p>
        ${
          entity.aliases.length
            ? html`<p class="muted">Also: ${entity.aliases.join(' · ')}</p>`
            : nothing
        }
        ${entity.wikidataUrl ? html`<p><a href=${entity.wikidataUrl}>Wikidata</a></p>` : nothing}
        <nav class="page-nav">${SECTIONS.map(sectionLink)}</nav>
      </header>
      <section id="facts">
        <h2>Facts</h2>
        ${factGroups(entity.relations.edges)}
        ${
          entity.relations.totalCount > entity.relations.edges.length
            ? html`<p class="muted">
                The first ${entity.relations.edges.length} of ${entity.relations.totalCount}.
              </p>`
            : nothing
        }
      </section>
      <section id="claims">
        <h2>Claims</h2>
        ${claimTable(entity.claims.edges.map((edge) => edge.node))}
      </section>
      <section id="sources">
        <h2>Sources</h2>
        <ul class="sources">
          ${entity.sources.map(
            (source) =>
              html`<li>
                <strong>${source.name}</strong>
                <span class="badge subtle">${source.kind.toLowerCase().replace('_', ' ')}</span>
                ${source.publisher ?? ''} ${source.date?.value ?? ''}
                ${source.url ? html`<a href=${source.url}>link</a>` : nothing}
              </li>`,
          )}
        </ul>
      </section>
      <section id="graph">
        <h2>Graph</h2>
        <div class="neighbourhood"></div>
      </section>
      <section id="map">
        <h2>Map</h2>
        <div class="map-view"></div>
      </section>
      <section id="timeline">
        <h2>Timeline</h2>
        <div class="timeline-view"></div>
      </section>
    </article>`,
    container,
  );
  mountNeighbourhoodGraph(container.querySelector('.neighbourhood')!, slug);
  mountMap(container.querySelector('.map-view')!, slug);
  mountTimeline(container.querySelector('.timeline-view')!, slug);
}

/** The hash holds the route, so a section is reached by scrolling, not by its fragment. */
function sectionLink(name: string) {
  return html`<button
    class="link"
    @click=${() => document.getElementById(name.toLowerCase())?.scrollIntoView()}
  >
    ${name}
  </button>`;
}

function factGroups(relations: Relation[]) {
  if (relations.length === 0) return html`<p class="muted">No facts.</p>`;
  const groups = Map.groupBy(relations, (relation) => relation.type);
  return [...groups].map(
    ([type, members]) =>
      html`<div class="fact-group">
        <h3>${type}</h3>
        <ul>
          ${members.map(
            (relation) =>
              html`<li class="fact">
                <div>
                  <span class="direction">${relation.direction === 'OUTGOING' ? '→' : '←'}</span>
                  <a href=${entityHref(relation.node.slug)}>${relation.node.name}</a>
                  <span class="badge subtle">${kindName(relation.node.kind)}</span>
                  ${relation.role ? html`<em>${relation.role}</em>` : nothing}
                  <span class="muted"
                    >${formatValidity(relation.validFrom, relation.validTo)}
                    ${relation.confidence === 'CONFIRMED' ? '' : relation.confidence.toLowerCase()}</span
                  >
                </div>
                ${evidenceList(relation.evidence)}
              </li>`,
          )}
        </ul>
      </div>`,
  );
}

/** Claims side by side: one row group per property, one row per source's claim. */
function claimTable(claims: Claim[]) {
  if (claims.length === 0) return html`<p class="muted">No claims.</p>`;
  // Figures first, those that sources dispute at the top; statements in words after them.
  const byProperty = [...Map.groupBy(claims, (claim) => claim.label)].sort(
    ([, a], [, b]) => Number(hasFigure(b)) - Number(hasFigure(a)) || b.length - a.length,
  );
  return html`<table class="claims">
    <thead>
      <tr>
        <th>Claim</th>
        <th>Who says</th>
        <th>What</th>
        <th>Qualifier</th>
        <th>Words</th>
        <th>Reported in</th>
      </tr>
    </thead>
    ${byProperty.map(
      ([label, group]) =>
        html`<tbody>
          ${group.map(
            (claim, index) =>
              html`<tr data-property=${claim.property}>
                ${index === 0 ? html`<th rowspan=${group.length}>${label}</th>` : nothing}
                <td class="claimed-by">${claim.claimedBy.name}</td>
                <td class="claim-value ${claim.value !== null ? 'figure' : ''}">
                  ${claim.value ?? claim.valueText ?? ''} ${claim.value !== null ? claim.unit : ''}
                </td>
                <td>${claim.qualifier.toLowerCase().replace('_', ' ')}</td>
                <td><q>${claim.quote}</q></td>
                <td class="muted">${claim.reportedIn.name}</td>
              </tr>`,
          )}
        </tbody>`,
    )}
  </table>`;
}

function hasFigure(claims: Claim[]): boolean {
  return claims.some((claim) => claim.value !== null);
}
