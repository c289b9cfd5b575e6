/**
 * Mentions of entities the graph already knows, found through their names and aliases: case and
 * accents do not count, a title or an article may come before ("le général Tchiani", "the
 * junta"), a plural may follow, a person may be named by surname, and a French phrase may stand
 * for an English alias ("la junte" for "the junta", lexicon.ts). Each link has a score that says
 * how it was made; the longest mention wins where two overlap.
 */
import type { SeedEntity } from '../seeds/format.js';
import type { Gazetteer } from './gazetteer.js';
import type { Knowledge } from './knowledge.js';
import { lexiconFor } from './lexicon.js';
import { fold, phrasePattern, type FoldedText, type Language } from './text.js';

export interface LinkedMention {
  start: number;
  end: number;
  text: string;
  entity: SeedEntity;
  /** 0 to 1: how sure the link is. */
  score: number;
  /** How the name matched, for the reviewer. */
  how: string;
}

interface NameForm {
  pattern: string;
  entity: SeedEntity;
  score: number;
  how: string;
  /** An acronym must match with its case ("IS" is not "is"). */
  exactCase: string | undefined;
}

const SCORES = {
  name: 1,
  alias: 0.95,
  caseOrAccents: 0.9,
  surname: 0.8,
  translated: 0.8,
  generic: 0.6,
};

export function linkKnownEntities(
  folded: FoldedText,
  knowledge: Knowledge,
  language: Language,
  gazetteer: Gazetteer,
): LinkedMention[] {
  const forms = nameForms(knowledge, language);
  const lexicon = lexiconFor(language);
  const prefix = `(?:(?:${lexicon.determiners})\\s*)?`;
  const title = `(?:(?:(?:${lexicon.determiners})\\s*)?${lexicon.titles}\\s+)?`;
  const determiner = determinerAtStart(language);
  const found: LinkedMention[] = [];
  for (const form of forms) {
    const lead = form.entity.kind === 'Person' ? title : form.how === 'generic' ? '' : prefix;
    for (const match of folded.findAll(`${lead}(?<name>${form.pattern})`)) {
      const name = match.groups.name!;
      if (form.exactCase && name.text !== form.exactCase) continue;
      // "the Niger" may be the river, but "the Niger defence ministry" is the country's.
      const bare = fold(name.text).replace(determiner, '');
      if (form.entity.kind !== 'Country' && gazetteer.country(bare)) continue;
      const caseExact = name.text === form.entity.name || form.entity.aliases.includes(name.text);
      const score =
        form.how === 'name' || form.how === 'alias'
          ? caseExact
            ? SCORES[form.how]
            : SCORES.caseOrAccents
          : form.score;
      found.push({
        start: match.start,
        end: match.end,
        text: match.text,
        entity: form.entity,
        score,
        how: form.how,
      });
    }
  }
  return longestFirst(found);
}

/** Keeps, of overlapping mentions, the longest (then the surest). */
export function longestFirst<T extends { start: number; end: number; score?: number }>(
  items: T[],
): T[] {
  const kept: T[] = [];
  const ordered = [...items].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || (b.score ?? 0) - (a.score ?? 0) || a.start - b.start,
  );
  for (const item of ordered) {
    if (!kept.some((other) => item.start < other.end && item.end > other.start)) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function nameForms(knowledge: Knowledge, language: Language): NameForm[] {
  const lexicon = lexiconFor(language);
  const determiner = determinerAtStart(language);
  const forms: NameForm[] = [];
  const byFoldedAlias = new Map<string, SeedEntity>();
  const surnames = new Map<string, SeedEntity[]>();
  for (const entity of knowledge.entities) {
    const names = [entity.name, ...entity.aliases];
    names.forEach((name, index) => {
      const acronym = /^[\p{Lu}\d]{2,6}$/u.test(name) ? name : undefined;
      const how = index === 0 ? 'name' : 'alias';
      forms.push({
        pattern: phrasePattern(name, !acronym),
        entity,
        score: SCORES[how],
        how,
        exactCase: acronym,
      });
      const bare = fold(name).replace(determiner, '');
      byFoldedAlias.set(bare, entity);
      // "the junta" names it in that article's context; "junta" alone is a weaker guess.
      if (bare !== fold(name) && /^\p{Ll}/u.test(name.replace(determiner, ''))) {
        forms.push({
          pattern: phrasePattern(bare),
          entity,
          score: SCORES.generic,
          how: 'generic',
          exactCase: undefined,
        });
      }
    });
    if (entity.kind === 'Person') {
      const surname = entity.name.split(/\s+/).at(-1)!;
      if (surname.length >= 4)
        surnames.set(fold(surname), [...(surnames.get(fold(surname)) ?? []), entity]);
    }
  }
  for (const [surname, entities] of surnames) {
    if (entities.length === 1 && !byFoldedAlias.has(surname)) {
      forms.push({
        pattern: phrasePattern(surname, false),
        entity: entities[0]!,
        score: SCORES.surname,
        how: 'surname',
        exactCase: undefined,
      });
    }
  }
  for (const [phrase, english] of Object.entries(lexicon.equivalents)) {
    const entity = byFoldedAlias.get(fold(english).replace(determiner, ''));
    if (entity)
      forms.push({
        pattern: phrasePattern(phrase),
        entity,
        score: SCORES.translated,
        how: 'translated',
        exactCase: undefined,
      });
  }
  return forms;
}

/** An article at the start of a folded name ("the ", "la ", "l'"). */
export function determinerAtStart(language: Language): RegExp {
  return new RegExp(`^(?:${lexiconFor(language).determiners}|the)(?:\\s+|(?<='))`);
}
