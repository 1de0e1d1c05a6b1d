// Every table of the dashboard sorts by any column (click its header; again to reverse) and filters by text. The
// pages are rendered on the server; this only reorders and hides the rows they rendered. A table showing one page of
// many (data-server-sort on its wrapper: each column's sort key, "" for none) asks the server instead, by address,
// so the order and the filter span every page.
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

  function go(change) {
    const url = new URL(location.href);
    change(url.searchParams);
    url.searchParams.delete('page'); // a new order or filter starts at its first page
    location.assign(url);
  }

  function serverSide(table, wrap) {
    const keys = wrap.dataset.serverSort.split(',');
    [...table.tHead?.rows[0]?.cells ?? []].forEach((th, column) => {
      const key = keys[column];
      if (!key) { return; }
      th.classList.add('sortable');
      th.tabIndex = 0;
      th.title = words.sort || 'Sort by this column';
      const current = wrap.dataset.sort === key;
      if (current) { th.setAttribute('aria-sort', wrap.dataset.dir === 'desc' ? 'descending' : 'ascending'); }
      const sort = () => go(q => {
        q.set('sort', key);
        q.set('dir', current && wrap.dataset.dir !== 'desc' ? 'desc' : 'asc');
      });
      th.addEventListener('click', sort);
      th.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
    });

    const filter = document.createElement('input');
    filter.type = 'search';
    filter.className = 'table-filter';
    filter.value = wrap.dataset.filter || '';
    filter.placeholder = words.filterAll || 'Filter every page: words, then Enter…';
    filter.setAttribute('aria-label', words.filterLabel || 'Filter the table’s rows by text');
    const apply = () => go(q => (filter.value.trim() ? q.set('q', filter.value.trim()) : q.delete('q')));
    filter.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); apply(); } });
    filter.addEventListener('search', () => { if (!filter.value) { apply(); } }); // the field's clear button
    wrap.before(filter);
  }

  for (const table of document.querySelectorAll('table.quickgrid, table[data-sortable]')) {
    const body = table.tBodies[0];
    const wrap = table.closest('[data-server-sort]');
    if (wrap) { serverSide(table, wrap); continue; }
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
