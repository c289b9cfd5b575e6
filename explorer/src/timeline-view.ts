/**
 * The timeline of an entity's events, oldest first. A date known to the day is a point; one
 * known only to the month or the year is a bar across every day it may be.
 */
import { scaleUtc } from 'd3-scale';
import { html, render, svg } from 'lit-html';
import { query } from './api';
import { formatDate, utcDay, type DateParts } from './dates';
import { graphql } from './gql';
import { KIND_COLOURS } from './kinds';
import { entityHref } from './router';

const TIMELINE = graphql(`
  query Timeline($slug: String!) {
    entity(slug: $slug) {
      ...DatedEntity
    }
    timeline(entity: $slug, first: 100) {
      edges {
        node {
          ...DatedEntity
        }
      }
    }
  }
`);

interface DatedEvent {
  slug: string;
  name: string;
  date: DateParts;
}

const WIDTH = 760;
const ROW = 26;
const AXIS = 30;
const LABEL_GAP = 8;

export function mountTimeline(container: HTMLElement, slug: string): void {
  render(html`<p class="muted">Loading the timeline…</p>`, container);
  void drawTimeline(container, slug).catch((error: Error) =>
    render(html`<p class="error">${error.message}</p>`, container),
  );
}

async function drawTimeline(container: HTMLElement, slug: string): Promise<void> {
  const answer = await query(TIMELINE, { slug });
  const linked = answer.timeline.edges.map(({ node }) => node);
  // An event's own page puts the event itself on its timeline, among those linked to it.
  const all = answer.entity ? [answer.entity, ...linked] : linked;
  const events = [...new Map(all.flatMap(dated).map((event) => [event.slug, event])).values()].sort(
    (a, b) => a.date.earliest.localeCompare(b.date.earliest),
  );
  if (events.length === 0) {
    render(html`<p class="muted">No dated events are linked to this entity.</p>`, container);
    return;
  }
  const first = utcDay(events[0]!.date.earliest);
  const last = utcDay(events.reduce((a, b) => (a.date.latest > b.date.latest ? a : b)).date.latest);
  const padding = Math.max((last.getTime() - first.getTime()) * 0.05, 86_400_000 * 3);
  const x = scaleUtc()
    .domain([new Date(first.getTime() - padding), new Date(last.getTime() + padding)])
    .range([40, WIDTH - 40]);
  const height = AXIS + events.length * ROW + 10;
  render(
    html`<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Timeline">
        ${x.ticks(8).map(
          (tick) =>
            svg`<g class="tick"><line x1=${x(tick)} x2=${x(tick)} y1=${AXIS - 6} y2=${height}></line>
              <text x=${x(tick)} y=${AXIS - 10}>${x.tickFormat(8)(tick)}</text></g>`,
        )}
        ${events.map((event, index) => {
          const y = AXIS + index * ROW + ROW / 2;
          const start = x(utcDay(event.date.earliest));
          // A span ends after its last day.
          const end = x(new Date(utcDay(event.date.latest).getTime() + 86_400_000));
          const mark =
            event.date.precision === 'DAY'
              ? svg`<circle cx=${start} cy=${y} r="5" fill=${KIND_COLOURS.EVENT}></circle>`
              : svg`<rect class="span" x=${start} y=${y - 5} width=${Math.max(end - start, 2)} height="10" fill=${KIND_COLOURS.EVENT}></rect>`;
          const labelAtLeft = start > WIDTH / 2;
          const labelStart = event.date.precision === 'DAY' ? start : end;
          return svg`<a href=${entityHref(event.slug)}>${mark}
              <text class="event-label" x=${labelAtLeft ? start - LABEL_GAP : labelStart + LABEL_GAP} y=${y + 4}
                text-anchor=${labelAtLeft ? 'end' : 'start'}>${formatDate(event.date)} ${event.name}</text>
              <title>${event.date.phrase ?? formatDate(event.date)}</title></a>`;
        })}
      </svg>
      <ol class="timeline-list">
        ${events.map(
          (event) =>
            html`<li>
              <time datetime=${event.date.value}>${formatDate(event.date)}</time>
              <a href=${entityHref(event.slug)}>${event.name}</a>
              ${
                event.date.precision === 'DAY'
                  ? ''
                  : html`<span class="muted"
                      >(any day from ${event.date.earliest} to ${event.date.latest})</span
                    >`
              }
            </li>`,
        )}
      </ol>`,
    container,
  );
}

function dated(node: { slug: string; name: string; date?: DateParts | null }): DatedEvent[] {
  return node.date ? [{ slug: node.slug, name: node.name, date: node.date }] : [];
}
