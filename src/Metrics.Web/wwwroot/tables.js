// Every table of the dashboard sorts by any column (click its header; again to reverse) and filters by text. The
// pages are rendered on the server; this only reorders and hides the rows they rendered.
(function () {
  'use strict';
  const words = JSON.parse(document.getElementById('page-words')?.textContent || '{}');
  const missing = new Set(['', '—', '-', 'n/a', 'unknown']);
  const number = text => {
    const t = text.replace(/[\s,×%+]/g, '').replace(/^−/, '-');
    return /^-?\d+(\.\d+)?$/.test(t) ? parseFloat(t) : null;
  };
  const key = cell => (cell?.innerText ?? '').trim();

  function compare(a, b) {
    const [ma, mb] = [missing.has(a.toLowerCase()), missing.has(b.toLowerCase())];
    if (ma || mb) { return ma === mb ? 0 : ma ? 1 : -1; } // unknowns last, whichever the direction
    const [na, nb] = [number(a), number(b)];
    if (na !== null && nb !== null) { return na - nb; }
    return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
  }

  for (const table of document.querySelectorAll('table.quickgrid, table[data-sortable]')) {
    const body = table.tBodies[0];
    if (!body || body.rows.length < 2) { continue; }
    const headers = [...table.tHead?.rows[0]?.cells ?? []];
    headers.forEach((th, column) => {
      th.classList.add('sortable');
      th.tabIndex = 0;
      th.title = words.sort || 'Sort by this column';
      const sort = () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(h => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const rows = [...body.rows];
        rows.sort((r, s) => {
          const [a, b] = [key(r.cells[column]), key(s.cells[column])];
          const unknown = missing.has(a.toLowerCase()) || missing.has(b.toLowerCase());
          const c = compare(a, b);
          return unknown || ascending ? c : -c;
        });
        body.append(...rows);
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });

    const filter = document.createElement('input');
    filter.type = 'search';
    filter.className = 'table-filter';
    filter.placeholder = words.filter || 'Filter rows…';
    filter.setAttribute('aria-label', words.filterLabel || 'Filter the table’s rows by text');
    filter.addEventListener('input', () => {
      const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      for (const row of body.rows) {
        const text = row.innerText.toLowerCase();
        row.hidden = !words.every(w => text.includes(w));
      }
    });
    const anchor = table.closest('.grid-wrap') ?? table;
    anchor.before(filter);
  }
})();
