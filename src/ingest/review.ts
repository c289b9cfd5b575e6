/** The review summary printed after ingesting: what was linked, what is new, what is uncertain. */
import { pointNote } from './entities.js';
import type { Reading } from './ingest.js';

export function reviewSummary(reading: Reading, draftPath: string): string {
  const linked = reading.entities.filter((entity) => entity.known);
  const proposed = reading.entities.filter((entity) => !entity.known);
  const lines = [
    `Draft written to ${draftPath} (${reading.article.language}, published ${reading.input.date})`,
    '',
  ];
  lines.push(`Linked to known entities (${linked.length}):`);
  for (const entity of linked) {
    const best = Math.max(...entity.mentions.map((mention) => mention.score));
    lines.push(
      `  ${entity.id}  score ${best.toFixed(2)}  ← ${[...new Set(entity.mentions.map((m) => `"${m.text}"`))].join(', ')}`,
    );
  }
  lines.push('', `New entities proposed (${proposed.length}):`);
  for (const entity of proposed)
    lines.push(
      `  ${entity.id}  ${entity.kind}${entity.subkinds.length ? `/${entity.subkinds.join(',')}` : ''}  (${entity.kindReason ?? ''})`,
    );
  const places = reading.entities.filter((entity) => entity.kind === 'Place');
  lines.push('', `Places (${places.length}):`);
  for (const place of places) lines.push(`  ${place.id}  ${pointNote(place).found}`);
  lines.push('', `Events (${reading.events.length}):`);
  for (const { candidate, entity } of reading.events) {
    lines.push(
      `  ${entity.id}  ${candidate.link ? `LINKED: ${candidate.link.why}` : 'new'}  date ${candidate.date?.value ?? '?'}`,
    );
  }
  lines.push('', `Claims (${reading.claims.length}):`);
  for (const { claim, restates } of reading.claims) {
    const says = claim.value === undefined ? 'said' : `= ${claim.value} (${claim.qualifier})`;
    lines.push(
      `  ${claim.property} ${says} by ${claim.claimedBy}: "${claim.quote}"${restates ? `  RESTATES known claim ${restates}` : ''}`,
    );
  }
  const doubts = reading.entities.flatMap((entity) =>
    entity.doubts.map((why) => `  ${entity.id}: ${why}`),
  );
  lines.push('', `Uncertain (${doubts.length}):`, ...doubts);
  return lines.join('\n');
}
