/** The start page: what the explorer offers, and the latest events as places to start. */
import { html, render } from 'lit-html';
import { query } from './api';
import { formatDate } from './dates';
import { graphql } from './gql';
import { entityHref } from './router';

const LATEST_EVENTS = graphql(`
  query LatestEvents {
    events(orderBy: DATE_DESC, first: 12) {
      edges {
        node {
          ...DatedEntity
        }
      }
    }
    graphStats {
      nodeCount
      relationshipCount
    }
  }
`);

export async function showHomePage(container: HTMLElement): Promise<void> {
  document.title = 'sahel-graph explorer';
  const intro = html`<h1>Explore the Sahel graph</h1>
    <p>
      Search above for a person, organization, country, armed group, place or event. Each page shows
      its facts with their evidence, the claims sources disagree on, its neighbourhood as a graph, a
      map and a timeline. Analysts can query the graph in the
      <a href="#/console">Cypher console</a>; developers in <a href="/graphql">GraphiQL</a>.
    </p>`;
  render(html`<section class="home">${intro}</section>`, container);
  const { events, graphStats } = await query(LATEST_EVENTS, {});
  render(
    html`<section class="home">
      ${intro}
      <p class="muted">
        ${graphStats.nodeCount} nodes, ${graphStats.relationshipCount} relationships.
      </p>
      <h2>Latest events</h2>
      <ul class="latest-events">
        ${events.edges.map(
          ({ node }) =>
            html`<li>
              ${'date' in node && node.date ? html`<time>${formatDate(node.date)}</time>` : ''}
              <a href=${entityHref(node.slug)}>${node.name}</a>
            </li>`,
        )}
      </ul>
    </section>`,
    container,
  );
}
