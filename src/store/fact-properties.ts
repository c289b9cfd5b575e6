/**
 * How a fact lies on its relationship: its evidence as parallel lists, one item per source that
 * states it (Neo4j stores lists of one type and no nulls, so an absent value is ''):
 * `sourceIds`, `quotes`, `sentenceIds`, and `evidenceSeedFiles`, `evidenceValidFrom`,
 * `evidenceValidFromPhrases`, `evidenceValidTo`, `evidenceValidToPhrases` (the document's own
 * words for the dates), `evidenceDescriptions`, `evidenceConfidences`; a list of these last six
 * is left out when it says nothing (every item '', or every confidence `reported`). The fact's
 * own dates are the most precise of those (graph/facts.ts).
 */
import { z } from 'zod';
import type { StatedDate } from '../graph/date-range.js';
import type { Evidence, Fact } from '../graph/facts.js';
import type { Properties } from '../graph/seed-plan.js';
import { CONFIDENCE } from '../graph/vocabulary.js';
import { compact, timeProperties } from './properties.js';

/** The relationship properties of a fact. */
export function factProperties(fact: Fact): Properties {
  const list = (pick: (item: Evidence) => string | null | undefined) =>
    fact.evidence.map((item) => pick(item) ?? '');
  /** A list that says something: each list property costs a write, and most are all ''. */
  const saying = (items: string[], nothing = '') =>
    items.some((item) => item !== nothing) ? items : undefined;
  return compact({
    id: fact.id,
    role: fact.role ?? undefined,
    description: fact.description ?? undefined,
    confidence: fact.confidence,
    sourceIds: list((item) => item.sourceId),
    quotes: list((item) => item.quote),
    sentenceIds: list((item) => item.sentenceId),
    evidenceSeedFiles: list((item) => item.seedFile),
    evidenceValidFrom: saying(list((item) => item.validFrom?.value)),
    evidenceValidFromPhrases: saying(list((item) => item.validFrom?.phrase)),
    evidenceValidTo: saying(list((item) => item.validTo?.value)),
    evidenceValidToPhrases: saying(list((item) => item.validTo?.phrase)),
    evidenceDescriptions: saying(list((item) => item.description)),
    evidenceConfidences: saying(
      list((item) => item.confidence),
      'reported',
    ),
    ...timeProperties('validFrom', fact.validFrom),
    ...timeProperties('validTo', fact.validTo),
  });
}

const texts = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);

const statedDate = (value: string | undefined, phrase: string | undefined): StatedDate | null =>
  value ? { value, ...(phrase ? { phrase } : {}) } : null;

/**
 * A relationship's evidence, read from its properties. A relationship written before evidence
 * carried its seed file (an older store) has none: the loader replaces it.
 */
export const factEvidence = z
  .looseObject({
    sourceIds: texts,
    quotes: texts,
    sentenceIds: texts,
    evidenceSeedFiles: texts,
    evidenceValidFrom: texts,
    evidenceValidFromPhrases: texts,
    evidenceValidTo: texts,
    evidenceValidToPhrases: texts,
    evidenceDescriptions: texts,
    evidenceConfidences: z
      .array(z.enum(CONFIDENCE))
      .nullish()
      .transform((value) => value ?? []),
  })
  .transform((props): Evidence[] =>
    props.evidenceSeedFiles.map((seedFile, i) => ({
      seedFile,
      sourceId: props.sourceIds[i] ?? '',
      quote: props.quotes[i] ?? '',
      sentenceId: props.sentenceIds[i] ?? '',
      validFrom: statedDate(props.evidenceValidFrom[i], props.evidenceValidFromPhrases[i]),
      validTo: statedDate(props.evidenceValidTo[i], props.evidenceValidToPhrases[i]),
      description: props.evidenceDescriptions[i] || null,
      confidence: props.evidenceConfidences[i] ?? 'reported',
    })),
  );

/** The properties that hold a fact's evidence beside its source ids (read with them). */
export const EVIDENCE_PROPERTIES = Object.keys(factEvidence.in.shape).filter(
  (key) => key !== 'sourceIds',
);
