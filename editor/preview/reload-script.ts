/**
 * The script the preview injects into every page it serves (never the production Worker): it listens to the
 * preview's event stream, reloads the page after each publish and shows content problems over the page.
 */
export const RELOAD_SCRIPT = `(() => {
  const loaded = document.currentScript && document.currentScript.dataset.version;
  const box = document.createElement('div');
  box.id = 'broadsheet-preview-problems';
  box.setAttribute('role', 'alert');
  Object.assign(box.style, {
    position: 'fixed', left: '0', right: '0', bottom: '0', zIndex: '2147483647', maxHeight: '50vh',
    overflow: 'auto', margin: '0', padding: '12px 16px', background: '#7f1d1d', color: '#fff',
    font: '14px/1.5 ui-monospace, monospace', whiteSpace: 'pre-wrap', display: 'none',
  });
  document.body.append(box);
  const events = new EventSource('/__preview/events');
  events.addEventListener('state', (e) => {
    const state = JSON.parse(e.data);
    if (state.problems.length > 0) {
      box.textContent = 'Not published, the preview shows the last good version:\\n' + state.problems.join('\\n');
      box.style.display = 'block';
    } else {
      box.textContent = '';
      box.style.display = 'none';
    }
    if (String(state.version) !== loaded) { events.close(); location.reload(); }
  });
})();
`
