/**
 * The analyst console (#/console): Neo4j's CodeMirror Cypher editor, the answer of /cypher as
 * a table, and as a graph when it holds nodes and relationships; CSV download.
 */
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { html, nothing, render } from 'lit-html';
import {
  CypherError,
  cypherCsv,
  graphOf,
  isCypherNode,
  isCypherRelationship,
  runCypher,
  setToken,
  type CypherAnswer,
} from './cypher-client';
import { createGraphCanvas, edgeElement, nodeElement } from './graph-canvas';
import { kindOfLabels } from './kinds';

const FIRST_QUERY = `MATCH (person:Person)-[leads:LEADS]->(organization:Organization)
RETURN person, leads, organization
LIMIT 25`;

interface ConsoleState {
  answer: CypherAnswer | undefined;
  error: CypherError | undefined;
  running: boolean;
}

export function showConsole(container: HTMLElement): void {
  const state: ConsoleState = { answer: undefined, error: undefined, running: false };
  // The editor reports its text as it changes; it has no getter for it.
  let text = FIRST_QUERY;

  const run = async () => {
    state.running = true;
    state.error = undefined;
    draw();
    try {
      state.answer = await runCypher(text);
    } catch (error) {
      state.answer = undefined;
      state.error =
        error instanceof CypherError ? error : new CypherError(0, 'NETWORK', String(error));
    }
    state.running = false;
    draw();
    drawGraph();
  };

  const download = async () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await cypherCsv(text));
    link.download = 'cypher-result.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const drawGraph = () => {
    const target = container.querySelector<HTMLElement>('.console-graph');
    if (!target || !state.answer) return;
    const { nodes, relationships } = graphOf(state.answer.rows);
    if (nodes.size === 0) return;
    const graph = createGraphCanvas(target, [
      ...[...nodes.values()].map((node) =>
        nodeElement({
          id: node.elementId,
          label: String(node.properties.name ?? node.labels.join(':')),
          kind: kindOfLabels(node.labels),
        }),
      ),
      ...[...relationships.values()]
        .filter((rel) => nodes.has(rel.startNodeElementId) && nodes.has(rel.endNodeElementId))
        .map((rel) =>
          edgeElement({
            id: rel.elementId,
            source: rel.startNodeElementId,
            target: rel.endNodeElementId,
            type: rel.type,
          }),
        ),
    ]);
    target.dataset.nodes = String(graph.nodes().length);
  };

  const draw = () => {
    const answer = state.answer;
    const hasGraph = answer !== undefined && graphOf(answer.rows).nodes.size > 0;
    render(
      html`<section class="console">
        <h1>Cypher console</h1>
        <p class="muted">
          Read-only Cypher against the graph (POST /cypher). Ctrl-Enter runs the query.
        </p>
        <div class="cypher-editor"></div>
        <p>
          <button @click=${run} ?disabled=${state.running}>Run</button>
          <button @click=${() => void download()} ?disabled=${state.running}>Download CSV</button>
        </p>
        ${
          state.error
            ? html`<p class="error" role="alert">${state.error.code}: ${state.error.message}</p>
                ${
                  state.error.status === 401
                    ? html`<label
                        >Token
                        <input
                          type="password"
                          @change=${(event: Event) => setToken((event.target as HTMLInputElement).value)}
                      /></label>`
                    : nothing
                }`
            : nothing
        }
        ${answer ? resultTable(answer) : nothing}
        ${hasGraph ? html`<div class="console-graph" aria-label="Result graph"></div>` : nothing}
      </section>`,
      container,
    );
  };

  draw();
  // The package's declarations say it returns the editor; the code returns { editor }.
  const { editor } = createCypherEditor(container.querySelector('.cypher-editor')!, {
    value: FIRST_QUERY,
    theme: 'light',
    lint: true,
    autocomplete: true,
  }) as unknown as { editor: EditorApi };
  editor.onValueChanged((value: string) => {
    text = value;
  });
  editor.onKeyDown((event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
}

function resultTable(answer: CypherAnswer) {
  return html`<p class="muted">
      ${answer.rows.length}
      rows${answer.truncated ? `, cut by the ${answer.truncatedBy} limit` : ''}
    </p>
    <div class="table-scroll">
      <table class="cypher-result">
        <thead>
          <tr>
            ${answer.columns.map((column) => html`<th>${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${answer.rows.map(
            (row) =>
              html`<tr>
                ${row.map((value) => html`<td>${cellText(value)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function cellText(value: unknown): string {
  if (isCypherNode(value)) {
    return `(:${value.labels.join(':')} ${String(value.properties.name ?? value.properties.id ?? '')})`;
  }
  if (isCypherRelationship(value)) return `[:${value.type}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value ?? 'null');
}
