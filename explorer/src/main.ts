/** The explorer's entry: the search box, then the page the URL's hash names. */
import { html, render } from 'lit-html';
import { showHomePage } from './home-page';
import { onRouteChange, type Route } from './router';
import { mountSearch } from './search';
import './styles.css';

const view = document.querySelector<HTMLElement>('#view')!;
mountSearch(document.querySelector<HTMLElement>('#search')!);

onRouteChange((route) => {
  // Each page draws into an element of its own: nothing of the page before stays behind.
  const page = document.createElement('div');
  view.replaceChildren(page);
  window.scrollTo(0, 0);
  show(route, page)
    .then(() => performance.mark(`explorer:${route.page}-shown`))
    .catch((error: Error) => render(html`<p class="error">${error.message}</p>`, page));
});

/** The entity page (Cytoscape, the map) and the console (the Cypher editor) load when first shown. */
async function show(route: Route, page: HTMLElement): Promise<void> {
  if (route.page === 'entity') {
    return (await import('./entity-page')).showEntityPage(page, route.slug);
  }
  if (route.page === 'console') return (await import('./console-view')).showConsole(page);
  return showHomePage(page);
}
