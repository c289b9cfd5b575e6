/**
 * A drafted claim that restates a known one (the same claimant says the same thing about the
 * same entities: property, value or words, and qualifier) is that claim: it takes the known
 * claim's id and what the claim says, and keeps only its own report (the article, the quote).
 * The seed loader then keeps one Claim with a report from each document. A claimant is the same
 * when it is the known source itself, or a source of the same kind issued by the same entity
 * (the ministry's statement, cited again by a later article).
 */
import type { SeedClaim, SeedSource } from '../seeds/format.js';
import type { ArticleSources, DraftClaim } from './claims.js';
import type { Knowledge } from './knowledge.js';

export function reuseKnownClaims(
  claims: DraftClaim[],
  sources: ArticleSources,
  knowledge: Knowledge,
): void {
  const knownSources = new Map(knowledge.sources.map((source) => [source.id, source]));
  const draftSources = new Map(sources.cited.map((source) => [source.id, source]));
  for (const drafted of claims) {
    const claimant = draftSources.get(drafted.claim.claimedBy);
    const known = knowledge.claims.find(
      (candidate) =>
        says(candidate, drafted.claim) &&
        sameClaimant(claimant, drafted.claim.claimedBy, knownSources.get(candidate.claimedBy)),
    );
    if (!known) continue;
    const { reportedIn, quote } = drafted.claim;
    drafted.claim = { ...known, reportedIn, quote };
    drafted.restates = known.id;
  }
  const claimants = new Set(claims.map(({ claim }) => claim.claimedBy));
  sources.cited = sources.cited.filter((source) => claimants.has(source.id));
}

/** The same statement about the same entities: every entity the draft names is in the known. */
function says(known: SeedClaim, drafted: SeedClaim): boolean {
  return (
    known.property === drafted.property &&
    known.qualifier === drafted.qualifier &&
    (drafted.value !== undefined
      ? known.value === drafted.value
      : known.value === undefined && known.valueText === drafted.valueText) &&
    drafted.about.every((id) => known.about.includes(id))
  );
}

function sameClaimant(
  drafted: SeedSource | undefined,
  draftedId: string,
  known: SeedSource | undefined,
): boolean {
  if (!known) return false;
  if (known.id === draftedId) return true;
  return (
    drafted !== undefined &&
    drafted.kind === known.kind &&
    known.issuedBy !== undefined &&
    drafted.issuedBy === known.issuedBy &&
    (drafted.spokeTo === undefined ||
      known.spokeTo === undefined ||
      drafted.spokeTo === known.spokeTo)
  );
}
