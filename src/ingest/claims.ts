/**
 * Claims with figures, each with its claimant as a cited source: the figures of a sentence are
 * claimed by the source its words name ("according to the defence ministry", "told Reuters"),
 * else by the article itself. A claim is about the event of its sentence (else the last event
 * named before it), or, when it counts events ("two coups"), about the places of its sentence.
 */
import type { SeedClaim, SeedSource } from '../seeds/format.js';
import { findClaimant, type Claimant } from './claimants.js';
import type { ArticleEntities, ArticleEntity } from './entities.js';
import type { EventCandidate } from './events.js';
import type { Distance, Figure } from './figures.js';
import { statementOf } from './statements.js';
import { slugify, type ArticleText, type FoldedText } from './text.js';

export interface ArticleSources {
  article: SeedSource;
  cited: SeedSource[];
}

export interface DraftClaim {
  claim: SeedClaim;
  sentence: number;
  /** The id of the known claim it restates, when it does (restated.ts). */
  restates?: string;
}

export function buildClaims(
  article: ArticleText,
  folded: FoldedText,
  figures: Figure[],
  distances: Distance[],
  events: { candidate: EventCandidate; entity: ArticleEntity }[],
  entities: ArticleEntities,
  sources: ArticleSources,
  /** Ids the seed files give sources and claims: a new one must not take one. */
  known: { sourceIds: ReadonlySet<string>; claimIds: ReadonlySet<string> },
): DraftClaim[] {
  const claims: DraftClaim[] = [];
  const ids = new Set<string>(known.claimIds);
  let lastStatement: SeedSource | undefined;
  const sourceFor = (claimant: Claimant | undefined): SeedSource => {
    if (!claimant) return sources.article;
    if (claimant.refersBack && lastStatement) return lastStatement;
    const issuer = entityWithin(entities, claimant.words);
    const spokeTo = claimant.spokeTo && entityWithin(entities, claimant.spokeTo);
    const description = `Cited in the article as "${claimant.words.text}".`;
    const existing = sources.cited.find(
      (source) =>
        source.kind === claimant.kind &&
        (issuer ? source.issuedBy === issuer.id : source.description === description),
    );
    if (existing) return existing;
    const source: SeedSource = {
      id: unique(
        `${slugify(issuer?.name ?? claimant.words.text)
          .split('-')
          .slice(0, 6)
          .join('-')}-${claimant.kind}`,
        new Set([
          ...known.sourceIds,
          sources.article.id,
          ...sources.cited.map((source) => source.id),
        ]),
      ),
      kind: claimant.kind,
      name: claimant.words.text.replace(/^\p{Ll}/u, (first) => first.toUpperCase()),
      description,
      citedIn: sources.article.id,
      confidence: 'reported',
      ...(issuer ? { issuedBy: issuer.id } : {}),
      ...(spokeTo ? { spokeTo: spokeTo.id } : {}),
    };
    sources.cited.push(source);
    return source;
  };
  for (const sentence of article.sentences) {
    const end = sentence.start + sentence.text.length;
    const inside = <T extends { start: number }>(items: T[]) =>
      items.filter((item) => item.start >= sentence.start && item.start < end);
    const sentenceFigures = inside(figures);
    const sentenceDistances = inside(distances);
    const claimant = findClaimant(folded, sentence, article.language);
    if (claimant?.kind === 'statement' || claimant?.kind === 'communique')
      lastStatement = sourceFor(claimant);
    if (sentenceFigures.length + sentenceDistances.length === 0) {
      const statement =
        claimant && statementOf(article.raw, sentence, claimant, entities, article.language);
      if (!statement) continue;
      const source = sourceFor(claimant);
      // The events it names by their words ("the attack"), then the entities it names.
      const about = [
        ...events
          .filter(({ candidate }) =>
            candidate.triggers.some((t) => t.start >= statement.start && t.end <= statement.end),
          )
          .map(({ entity }) => entity),
        ...statement.about,
      ]
        .map((entity) => entity.id)
        .filter((id, at, all) => all.indexOf(id) === at);
      claims.push({
        sentence: sentence.index,
        claim: {
          id: unique(`${about[0]}-statement-${shortId(source)}`, ids),
          about,
          property: 'statement',
          label: `Statement of ${source.name}`,
          valueText: statement.text,
          qualifier: 'statement',
          claimedBy: source.id,
          reportedIn: [sources.article.id],
          quote: statement.text,
          confidence: 'reported',
        },
      });
      continue;
    }
    const source = sourceFor(claimant);
    for (const figure of sentenceFigures) {
      const about = aboutOf(figure, sentence.start, end, events, entities);
      if (about.length === 0) continue;
      const id = unique(
        `${about[0]}-${figure.property.replace(/_/g, '-')}-${shortId(source)}`,
        ids,
      );
      claims.push({
        sentence: sentence.index,
        claim: {
          id,
          about,
          property: figure.property,
          label: label(figure.property),
          value: figure.value,
          qualifier: figure.qualifier,
          unit: figure.unit,
          claimedBy: source.id,
          reportedIn: [sources.article.id],
          quote: figure.text,
          confidence: 'reported',
        },
      });
    }
    for (const distance of sentenceDistances) {
      const from = entityWithin(entities, distance.from);
      const subject = [...entities.all()]
        .filter((entity) => entity.kind === 'Place' && entity !== from)
        .flatMap((entity) =>
          entity.mentions
            .filter((m) => m.end <= distance.start && m.start >= sentence.start)
            .map((m) => ({ entity, at: m.start })),
        )
        .sort((a, b) => b.at - a.at)[0]?.entity;
      const about = [subject, from]
        .filter((entity): entity is ArticleEntity => entity !== undefined)
        .map((entity) => entity.id);
      if (about.length === 0) continue;
      const property = `distance_from_${slugify(from?.name ?? distance.from.text).replace(/-/g, '_')}`;
      claims.push({
        sentence: sentence.index,
        claim: {
          id: unique(`${about.join('-')}-distance`, ids),
          about,
          property: property
            .replace(/[^a-z_]/g, '')
            .replace(/_+/g, '_')
            .replace(/_$/, ''),
          label: `Distance from ${from?.name ?? distance.from.text}`,
          value: distance.km,
          valueText: distance.text,
          qualifier: distance.qualifier,
          unit: 'km',
          claimedBy: source.id,
          reportedIn: [sources.article.id],
          quote: distance.text,
          confidence: 'reported',
        },
      });
    }
  }
  return claims;
}

function aboutOf(
  figure: Figure,
  sentenceStart: number,
  sentenceEnd: number,
  events: { candidate: EventCandidate; entity: ArticleEntity }[],
  entities: ArticleEntities,
): string[] {
  const countsEvents = events.some(
    (event) =>
      new RegExp(`^(?:${event.candidate.cue.triggers})$`, 'i').test(figure.unit) ||
      new RegExp(`^(?:${event.candidate.cue.triggers})$`, 'i').test(`${figure.unit}s`),
  );
  if (countsEvents || figure.unit === 'coup') {
    return entities
      .all()
      .filter(
        (entity) =>
          (entity.kind === 'Country' || entity.kind === 'Place') &&
          entity.mentions.some((m) => m.start >= sentenceStart && m.start < sentenceEnd),
      )
      .map((entity) => entity.id);
  }
  const here = events.find((event) =>
    event.candidate.triggers.some((t) => t.start >= sentenceStart && t.start < sentenceEnd),
  );
  const before = [...events]
    .filter((event) => event.candidate.triggers.some((t) => t.start < sentenceStart))
    .sort(
      (a, b) =>
        Math.max(...b.candidate.triggers.map((t) => (t.start < sentenceStart ? t.start : -1))) -
        Math.max(...a.candidate.triggers.map((t) => (t.start < sentenceStart ? t.start : -1))),
    )[0];
  const event = here ?? before;
  return event ? [event.entity.id] : [];
}

/** The entity with a mention inside the span, the longest first. */
function entityWithin(
  entities: ArticleEntities,
  span: { start: number; end: number },
): ArticleEntity | undefined {
  return entities
    .all()
    .filter((entity) => entity.kind !== 'Event')
    .flatMap((entity) =>
      entity.mentions
        .filter((m) => m.start >= span.start && m.end <= span.end)
        .map((m) => ({ entity, length: m.end - m.start })),
    )
    .sort((a, b) => b.length - a.length)[0]?.entity;
}

/** The first words of a source's id, for the ids of its claims. */
function shortId(source: SeedSource): string {
  return slugify(source.id).split('-').slice(0, 3).join('-');
}

function unique(base: string, taken: Set<string>): string {
  let id = base.replace(/-+/g, '-').replace(/^-|-$/g, '');
  for (let count = 2; taken.has(id); count += 1) id = `${base}-${count}`;
  taken.add(id);
  return id;
}

function label(property: string): string {
  const words = property.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
