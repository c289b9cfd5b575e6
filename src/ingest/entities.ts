/**
 * The entities of one article as the ingest gathers them: the known ones it links to and the
 * new ones it proposes, each with its mentions; new places get the gazetteer's coordinates.
 */
import type { SeedEntity } from '../seeds/format.js';
import { UNKNOWN_KIND, type CandidateMention } from './candidates.js';
import type { EntityRef } from './events.js';
import type { Gazetteer, GazetteerPlace } from './gazetteer.js';
import type { LinkedMention } from './linking.js';
import { fold, slugify, type ArticleText } from './text.js';

export interface MentionRecord {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** How sure the link is (1 for a proposed entity's own name). */
  score: number;
  how: string;
}

export interface ArticleEntity extends EntityRef {
  known: SeedEntity | undefined;
  aliases: string[];
  mentions: MentionRecord[];
  kindReason: string | undefined;
  /** For a new place: what the gazetteer says, or why it has nothing. */
  geocode: { place: GazetteerPlace; ambiguous: boolean } | undefined;
  /** What the reviewer should check. */
  doubts: string[];
}

/** Where a place's point comes from, and how far the true place may lie from it. */
export interface PlacePoint {
  source: 'known entity' | 'GeoNames';
  latitude: number;
  longitude: number;
  precisionKm: number;
  /** For the reviewer: whose point it is ("kandadji, unverified"; "Agadez, Agadez, Niger"). */
  detail: string;
}

/**
 * The point of a place of the article: a known place's own location from the seed files (so a
 * village GeoNames lacks, once curated, keeps its point), else the gazetteer's for a new one.
 */
export function placePoint(entity: ArticleEntity): PlacePoint | undefined {
  const location = entity.known?.location;
  if (location)
    return {
      source: 'known entity',
      latitude: location.latitude,
      longitude: location.longitude,
      precisionKm: location.precisionKm,
      detail: `${entity.id}, ${location.confidence}`,
    };
  const place = entity.geocode?.place;
  if (!place) return undefined;
  return {
    source: 'GeoNames',
    latitude: place.latitude,
    longitude: place.longitude,
    precisionKm: place.precisionKm,
    detail: `${place.name}, ${place.adminRegion ?? 'no region'}, ${place.country}`,
  };
}

/** The point of a place as the draft and the review summary tell it. */
export function pointNote(entity: ArticleEntity): { pointFrom: string; found: string } {
  const point = placePoint(entity);
  if (point)
    return {
      pointFrom: point.source,
      found: `${point.source}: ${point.detail}; ${point.latitude}, ${point.longitude} (within ${point.precisionKm} km)`,
    };
  return {
    pointFrom: 'none',
    found: entity.known
      ? 'a known place without a point in the seed files'
      : 'not in the gazetteer (GeoNames places of 1,000 people or more): needs a point',
  };
}

export class ArticleEntities {
  private readonly byId = new Map<string, ArticleEntity>();
  private readonly newByName = new Map<string, ArticleEntity>();

  constructor(
    private readonly article: ArticleText,
    /** Ids defined by the seed files: a new entity must not take one. */
    private readonly takenIds: ReadonlySet<string>,
  ) {}

  all(): ArticleEntity[] {
    return [...this.byId.values()];
  }

  get(id: string): ArticleEntity | undefined {
    return this.byId.get(id);
  }

  addLinked(mention: LinkedMention): ArticleEntity {
    const known = mention.entity;
    const entity = this.byId.get(known.id) ?? {
      id: known.id,
      kind: known.kind,
      subkinds: known.subkinds,
      name: known.name,
      known,
      aliases: [],
      mentions: [],
      kindReason: undefined,
      geocode: undefined,
      doubts: [],
    };
    this.byId.set(known.id, entity);
    entity.mentions.push(this.record(mention, mention.score, mention.how));
    if (mention.score < 0.8)
      entity.doubts.push(`"${mention.text}" linked ${mention.how}ly (score ${mention.score})`);
    return entity;
  }

  addCandidate(candidate: CandidateMention, countryName: string | undefined): ArticleEntity {
    const name = countryName ?? candidate.name;
    const key = fold(name);
    // "the junta" after "the military junta in charge of Niger" is the same junta, and "the
    // defense ministry" after "the Niger defense ministry" the same ministry.
    let entity =
      this.newByName.get(key) ??
      [...this.newByName.values()].find(
        (other) =>
          other.kind === candidate.kind &&
          candidate.kind !== 'Country' &&
          ` ${fold(other.name)} `.includes(` ${key} `),
      );
    if (!entity) {
      entity = {
        id: this.freeId(slugify(name) || 'entity'),
        kind: candidate.kind,
        subkinds: candidate.subkind ? [candidate.subkind] : [],
        name,
        known: undefined,
        aliases: [],
        mentions: [],
        kindReason: candidate.kindReason,
        geocode: undefined,
        doubts: [],
      };
      this.newByName.set(key, entity);
      this.byId.set(entity.id, entity);
    }
    // "l'attaque de Kandadji", then "à Kandadji": the second mention tells the kind.
    if (entity.kindReason === UNKNOWN_KIND && candidate.kindReason !== UNKNOWN_KIND) {
      Object.assign(entity, {
        kind: candidate.kind,
        subkinds: candidate.subkind ? [candidate.subkind] : [],
        kindReason: candidate.kindReason,
      });
    }
    if (candidate.name !== entity.name && !entity.aliases.includes(candidate.name))
      entity.aliases.push(candidate.name);
    entity.mentions.push(this.record(candidate, 1, 'proposed'));
    return entity;
  }

  /** A new entity that is not named as such (an event the article reports). */
  addNew(
    ref: Omit<ArticleEntity, 'id' | 'known' | 'aliases' | 'mentions' | 'geocode'> & { id: string },
  ): ArticleEntity {
    const entity: ArticleEntity = {
      ...ref,
      id: this.freeId(ref.id),
      known: undefined,
      aliases: [],
      mentions: [],
      geocode: undefined,
    };
    this.byId.set(entity.id, entity);
    return entity;
  }

  /** Coordinates for new places, from the gazetteer, preferring the article's countries. */
  geocode(gazetteer: Gazetteer): void {
    const countries = new Set(
      this.all()
        .filter((entity) => entity.kind === 'Country')
        .flatMap((entity) => [entity.name, ...(entity.known?.aliases ?? [])])
        .map((name) => gazetteer.country(name)?.code)
        .filter((code): code is string => code !== undefined),
    );
    for (const entity of this.all()) {
      if (entity.kind !== 'Place') continue;
      if (entity.known) continue;
      entity.geocode = gazetteer.place(entity.name, countries);
      if (!entity.geocode)
        entity.doubts.push(
          'not in the gazetteer (GeoNames places of 1,000 people or more): add coordinates by hand',
        );
      else if (entity.geocode.ambiguous)
        entity.doubts.push(`several places are called ${entity.name}: check the one chosen`);
    }
  }

  private record(
    span: { start: number; end: number; text: string },
    score: number,
    how: string,
  ): MentionRecord {
    return {
      start: span.start,
      end: span.end,
      text: span.text,
      sentence: this.article.sentenceAt(span.start).index,
      score,
      how,
    };
  }

  private freeId(base: string): string {
    let id = base;
    for (let count = 2; this.byId.has(id) || this.takenIds.has(id); count += 1)
      id = `${base}-${count}`;
    return id;
  }
}
