/**
 * The search box: suggestions as you type (name, the alias that matched, kind), from the API's
 * full-text `search`; arrows and Enter pick one, and a pick opens the entity's page.
 */
import { html, render } from 'lit-html';
import { query } from './api';
import { graphql } from './gql';
import type { SuggestionsQuery } from './gql/graphql';
import { KIND_COLOURS, kindName } from './kinds';
import { entityHref } from './router';

const SUGGESTIONS = graphql(`
  query Suggestions($query: String!) {
    search(query: $query, first: 8) {
      edges {
        score
        node {
          slug
          name
          kind
          aliases
          subkinds
        }
      }
    }
  }
`);

type Suggestion = SuggestionsQuery['search']['edges'][number]['node'];

/** Typing faster than this does not send a query per key. */
const TYPING_PAUSE_MS = 120;

export function mountSearch(container: HTMLElement): void {
  let suggestions: Suggestion[] = [];
  let active = -1;
  let typed = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latestRequest = 0;

  const open = (suggestion: Suggestion) => {
    suggestions = [];
    typed = '';
    draw();
    location.hash = entityHref(suggestion.slug);
  };

  const lookUp = async (text: string) => {
    const request = ++latestRequest;
    const words = text.trim();
    const found = words ? (await query(SUGGESTIONS, { query: words })).search.edges : [];
    if (request !== latestRequest) return;
    suggestions = found.map((edge) => edge.node);
    active = suggestions.length > 0 ? 0 : -1;
    draw();
  };

  const onInput = (event: Event) => {
    typed = (event.target as HTMLInputElement).value;
    clearTimeout(timer);
    timer = setTimeout(() => void lookUp(typed).catch(showError), TYPING_PAUSE_MS);
  };

  const showError = (error: Error) => {
    suggestions = [];
    draw(error.message);
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + suggestions.length) % Math.max(suggestions.length, 1);
      draw();
    } else if (event.key === 'Enter' && active >= 0) {
      open(suggestions[active]!);
    } else if (event.key === 'Escape') {
      suggestions = [];
      draw();
    }
  };

  const draw = (error?: string) =>
    render(
      html`<input
          type="search"
          placeholder="Search people, places, events… (e.g. Tiani)"
          aria-label="Search the graph"
          role="combobox"
          aria-expanded=${suggestions.length > 0}
          aria-controls="suggestions"
          autocomplete="off"
          .value=${typed}
          @input=${onInput}
          @keydown=${onKey}
        />
        ${error ? html`<p class="error">${error}</p>` : ''}
        <ul id="suggestions" role="listbox" ?hidden=${suggestions.length === 0}>
          ${suggestions.map(
            (suggestion, index) =>
              html`<li
                role="option"
                aria-selected=${index === active}
                @mousedown=${(event: Event) => {
                  event.preventDefault();
                  open(suggestion);
                }}
              >
                <span class="dot" style="background:${KIND_COLOURS[suggestion.kind]}"></span>
                <span class="suggestion-name">${suggestion.name}</span>
                ${
                  matchedAlias(suggestion, typed)
                    ? html`<span class="muted">“${matchedAlias(suggestion, typed)}”</span>`
                    : ''
                }
                <span class="badge">${kindName(suggestion.kind)}</span>
              </li>`,
          )}
        </ul>`,
      container,
    );
  draw();
}

/** The alias that the typed words match, when the name itself does not show why it matched. */
function matchedAlias(suggestion: Suggestion, typed: string): string | undefined {
  const words = fold(typed).split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.some((word) => fold(text).includes(word));
  if (words.length === 0 || matches(suggestion.name)) return undefined;
  return suggestion.aliases.find(matches);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
