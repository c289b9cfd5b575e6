/**
 * How a fact's evidence is shown: each source that states it, with its quote and the sentence
 * of the document that holds the quote. The one place to change when a fact gathers many
 * sources.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import type { EvidencePartsFragment } from './gql/graphql';

export function evidenceList(evidence: readonly EvidencePartsFragment[]): TemplateResult {
  if (evidence.length === 0) return html`<p class="muted">No source states it.</p>`;
  return html`<ul class="evidence">
    ${evidence.map(
      (item) =>
        html`<li>
          <blockquote>${item.quote}</blockquote>
          <div class="evidence-source">
            — <strong>${item.source.name}</strong>
            <span class="badge">${item.source.kind.toLowerCase().replace('_', ' ')}</span>
          </div>
          ${
            item.sentence
              ? html`<details>
                  <summary>
                    Sentence ${item.sentence.index} of ${item.sentence.document.name}
                  </summary>
                  <p class="sentence">${item.sentence.text}</p>
                </details>`
              : nothing
          }
        </li>`,
    )}
  </ul>`;
}
