// Renders the server's chart specifications with Apache ECharts (wwwroot/lib/echarts). It only draws what the
// specification says: the series, their breaks and gains, the milestones and the releases all come from the server,
// which draws the same specification as SVG/PNG. Nothing here computes a series.
(function () {
  'use strict';
  if (!window.echarts) { return; }

  // The page's language (<html lang>, set by the server) picks ECharts' built-in locale (month names, toolbox) and
  // the number and date formats; the words come with each specification (spec.words), in the same language.
  const chinese = (document.documentElement.lang || '').toLowerCase().startsWith('zh');
  const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, signDisplay: 'always' });
  // Axes only (tables keep whole numbers): 12k / 1.5M in English, 1.2万 / 3亿 from 10,000 up in Chinese.
  const compact = v => chinese
    ? (Math.abs(v) >= 1e8 ? +(v / 1e8).toFixed(2) + '亿' : Math.abs(v) >= 1e4 ? +(v / 1e4).toFixed(2) + '万' : numbers.format(v))
    : (Math.abs(v) >= 1e9 ? +(v / 1e9).toFixed(2) + 'B' : Math.abs(v) >= 1e6 ? +(v / 1e6).toFixed(2) + 'M'
      : Math.abs(v) >= 1e3 ? +(v / 1e3).toFixed(1) + 'k' : numbers.format(v));
  const fill = (template, ...values) => String(template).replace(/\{(\d+)\}/g, (_, i) => values[+i]);
  const GRID = { left: 58, right: 18, top: 46, bottom: 74 };
  const PIN = 22;

  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const iso = ms => new Date(ms).toISOString().slice(0, 10);
  const dayText = ms => { const d = new Date(ms); return chinese ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : iso(ms); };
  const xText = (spec, x) => spec.xAxis === 'calendar' ? dayText(x) : fill(spec.words.day, numbers.format(Math.round(x)));
  // Calendar axis ticks: a year's first day "2020" / "2020年", a month's "2020-03" / "2020年3月", else the day.
  const tickText = ms => {
    const d = new Date(ms), y = d.getUTCFullYear(), m = d.getUTCMonth() + 1;
    if (m === 1 && d.getUTCDate() === 1) { return chinese ? `${y}年` : `${y}`; }
    if (d.getUTCDate() === 1) { return chinese ? `${y}年${m}月` : `${y}-${String(m).padStart(2, '0')}`; }
    return dayText(ms);
  };
  const el = (tag, cls, html) => { const e = document.createElement(tag); if (cls) { e.className = cls; } if (html !== undefined) { e.innerHTML = html; } return e; };

  /// Each line's points come in columns (Metrics.Core/Charts/ChartJsonLine.cs): the first X and the steps in days,
  /// the values, and the gains (or gStep: each gain is the step from the point before, on a dense line only from the
  /// day before). ECharts and the tooltip read [x, y, gain] points, with a [x, null] break halfway across a day that
  /// was not collected, as the image draws it. Only the server's numbers are used, every one of them.
  function points(spec, s) {
    const data = [];
    let x = 0;
    for (let i = 0; i < s.n; i++) {
      const previous = x;
      x = s.x ? s.x[i] : i === 0 ? s.x0 : x + s.dx[i - 1] * spec.day;
      const days = (x - previous) / spec.day;
      if (i > 0 && s.gap !== undefined && days > s.gap) { data.push([(previous + x) / 2, null]); }
      const point = [x, s.y[i]];
      if (s.gains) {
        point.push(s.g ? s.g[i] : i > 0 && (s.gap === undefined || days === 1) ? s.y[i] - s.y[i - 1] : null);
      }
      data.push(point);
    }
    return data;
  }

  /// The point of a series at or before x (its data is in x order), or null before its first point.
  function pointAt(data, x) {
    let lo = 0, hi = data.length - 1, found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (data[mid][0] <= x) { found = data[mid]; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  /// Every visible series' value on the hovered day, read from the specification itself: ECharts' axis tooltip
  /// only lists the series whose nearest point is the very nearest, so series with other days would drop out.
  function tooltip(spec, params, visible) {
    const list = Array.isArray(params) ? params : [params];
    const hovered = list.find(p => p.value && p.value[1] !== null && p.value[1] !== undefined);
    if (!hovered) { return ''; }
    const day = hovered.value[0];
    const rows = spec.series.filter(s => visible(s.label)).map(s => {
      const v = pointAt(s.data, day);
      if (!v || v[1] === null || v[1] === undefined) { return ''; }
      const own = v[0] !== day ? ` <span class="tt-day">(${esc(xText(spec, v[0]))})</span>` : '';
      const gain = v[0] === day && v.length > 2 && v[2] !== null ? ` <span class="tt-gain">${esc(fill(spec.words.thatDay, signed.format(v[2])))}</span>` : '';
      return `<tr class="tt-row"><td><span class="tt-swatch" style="background:${s.color}"></span><span class="tt-label">${esc(s.label)}</span>${own}</td>`
        + `<td class="tt-value">${numbers.format(v[1])}</td><td>${gain}</td></tr>`;
    });
    return `<div class="tt-date">${esc(xText(spec, day))}</div><table class="tt">${rows.join('')}</table>`;
  }

  function option(spec, narrow, visible) {
    const calendar = spec.xAxis === 'calendar';
    return {
      animation: false,
      useUTC: true, // the days are UTC days: ticks fall on UTC month and year starts, as in the image
      grid: { ...GRID, left: narrow ? 46 : GRID.left },
      color: spec.series.map(s => s.color),
      legend: { show: false, data: spec.series.map(s => s.label) },
      toolbox: { right: 4, top: 0, itemSize: 13, feature: { dataZoom: { yAxisIndex: 'none', title: { zoom: spec.words.zoom, back: spec.words.back } }, restore: { title: spec.words.restore } } },
      tooltip: {
        trigger: 'axis', confine: true, axisPointer: { type: 'line', snap: true },
        className: 'chart-tooltip', formatter: p => tooltip(spec, p, visible),
      },
      xAxis: calendar
        ? { type: 'time', axisLabel: { hideOverlap: true, formatter: v => tickText(v) } }
        : { type: 'value', name: spec.words.daysShort, nameLocation: 'middle', nameGap: 24, axisLabel: { hideOverlap: true } },
      yAxis: {
        type: spec.scale === 'log' ? 'log' : 'value', name: spec.scale === 'log' ? fill(spec.words.logScale, spec.yLabel) : spec.yLabel,
        nameLocation: 'middle', nameRotate: 90, nameGap: narrow ? 34 : 44, scale: spec.scale === 'log',
        axisLabel: { formatter: v => spec.percent ? Math.round(v * 100) + '%' : compact(v) },
      },
      dataZoom: [
        { type: 'slider', xAxisIndex: 0, filterMode: 'none', bottom: 8, height: 22, labelFormatter: v => xText(spec, v),
          startValue: spec.viewStart ?? undefined, endValue: spec.viewEnd ?? undefined },
        { type: 'inside', xAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'shift', moveOnMouseMove: false, moveOnMouseWheel: false,
          startValue: spec.viewStart ?? undefined, endValue: spec.viewEnd ?? undefined },
      ],
      series: spec.series.map(s => ({
        type: 'line', name: s.label, data: s.data, showSymbol: false, symbolSize: 5, connectNulls: false,
        step: s.step ? 'end' : false, sampling: 'lttb', emphasis: { disabled: true },
        lineStyle: { width: 1.8, type: s.dashed ? 'dashed' : 'solid', color: s.color }, itemStyle: { color: s.color },
      })),
    };
  }

  /// The visible X range as the URL's from/to (calendar charts only).
  function range(chart) {
    const zoom = chart.getOption().dataZoom[0];
    return [zoom.startValue, zoom.endValue];
  }

  class Figure {
    constructor(figure) {
      this.figure = figure;
      this.canvas = figure.querySelector('.chart-canvas');
      this.overlay = figure.querySelector('.chart-overlay');
      this.legend = figure.querySelector('.chart-legend');
      this.title = figure.querySelector('.chart-title');
      this.toolbar = figure.querySelector('.chart-toolbar');
      this.name = figure.dataset.chart;
      this.query = figure.dataset.query || '';
      this.showReleases = false;
      this.chart = echarts.init(this.canvas, null, { renderer: 'canvas', locale: chinese ? 'ZH' : 'EN' });
      new ResizeObserver(() => { this.chart.resize(); this.layout(); }).observe(this.canvas);
      this.chart.on('datazoom', () => { this.layout(); this.writeRange(); });
      const inline = figure.querySelector('script.chart-spec');
      if (inline) { this.render(JSON.parse(inline.textContent)); } else { this.load(this.query); }
    }

    async load(query) {
      this.figure.dataset.rendered = '0';
      const response = await fetch(`/charts/${this.name}.json${query}`, { headers: { Accept: 'application/json' } });
      if (!response.ok) { this.title.textContent = await response.text(); this.figure.dataset.rendered = 'error'; return; }
      this.query = query;
      this.render(await response.json());
    }

    render(spec) {
      for (const s of spec.series) { s.data = points(spec, s); }
      this.spec = spec;
      this.title.textContent = spec.title;
      this.chart.clear();
      const empty = spec.series.every(s => s.data.length === 0);
      this.figure.classList.toggle('chart-empty', empty);
      if (empty) {
        this.chart.setOption({ title: { text: spec.empty, left: 'center', top: 'middle', textStyle: { color: '#57606a', fontSize: 18 } } });
      } else {
        this.chart.setOption(option(spec, this.canvas.clientWidth < 600, label => !this.hidden.has(label)));
        // Drag on the plot selects a range to zoom into (the toolbox's zoom tool, on from the start).
        this.chart.dispatchAction({ type: 'takeGlobalCursor', key: 'dataZoomSelect', dataZoomSelectActive: true });
      }

      this.renderLegend(spec);
      this.renderToolbar(spec);
      this.layout();
      this.figure.dataset.rendered = '1';
    }

    renderLegend(spec) {
      this.hidden = new Set(); // the series the reader switched off, left out of the tooltip as of the plot
      this.legend.replaceChildren(...spec.series.map(s => {
        const button = el('button', 'legend-item', `<span class="swatch${s.dashed ? ' dashed' : ''}" style="--c:${s.color}"></span><span class="legend-label"></span>`);
        button.type = 'button';
        button.querySelector('.legend-label').textContent = s.label;
        button.setAttribute('aria-pressed', 'true');
        button.addEventListener('click', () => {
          const on = button.getAttribute('aria-pressed') !== 'true';
          button.setAttribute('aria-pressed', String(on));
          if (on) { this.hidden.delete(s.label); } else { this.hidden.add(s.label); }
          this.chart.dispatchAction({ type: on ? 'legendSelect' : 'legendUnSelect', name: s.label });
        });
        return button;
      }));
    }

    renderToolbar(spec) {
      this.toolbar.replaceChildren();
      if (spec.releases.length > 0) {
        const label = el('label', 'releases-toggle', `<input type="checkbox"> ${esc(fill(spec.words.releases, numbers.format(spec.releases.length)))}`);
        const box = label.querySelector('input');
        box.checked = this.showReleases;
        box.addEventListener('change', () => { this.showReleases = box.checked; this.layout(); });
        this.toolbar.append(label);
      }
    }

    /// Milestone pins, bands and release ticks are HTML over the canvas: they stay crisp, take links and hover cards.
    layout() {
      const spec = this.spec;
      if (!spec) { return; }
      this.overlay.replaceChildren();
      if (spec.series.every(s => s.data.length === 0)) { return; }
      const width = this.canvas.clientWidth, height = this.canvas.clientHeight;
      const left = this.chart.getOption().grid[0].left, right = width - GRID.right, top = GRID.top, bottom = height - GRID.bottom;
      const px = x => this.chart.convertToPixel({ xAxisIndex: 0 }, x);
      const inside = p => p >= left - 0.5 && p <= right + 0.5;

      const marks = spec.milestones.map(m => {
        const a = Math.max(left, px(m.start)), b = Math.min(right, px(m.end));
        return { m, a, b, at: m.span ? (a + b) / 2 : px(m.start), visible: m.span ? b >= a && b >= left && a <= right : inside(px(m.start)) };
      }).filter(v => v.visible).sort((p, q) => p.at - q.at);

      for (const v of marks) {
        if (v.m.span) {
          const band = el('div', 'ms-band');
          Object.assign(band.style, { left: `${v.a}px`, width: `${Math.max(2, v.b - v.a)}px`, top: `${bottom - 7}px` });
          this.overlay.append(band);
        } else {
          const line = el('div', 'ms-line');
          Object.assign(line.style, { left: `${v.at}px`, top: `${top}px`, height: `${bottom - top}px` });
          this.overlay.append(line);
        }
      }

      // Pins closer than a pin's width collapse into one that shows the count and lists them on hover.
      const clusters = [];
      for (const v of marks) {
        const last = clusters[clusters.length - 1];
        if (last && v.at - last.at < PIN + 2) { last.items.push(v); } else { clusters.push({ at: v.at, items: [v] }); }
      }

      for (const c of clusters) {
        const single = c.items.length === 1;
        const pin = el(single ? 'a' : 'button', single ? 'ms-pin' : 'ms-pin ms-cluster');
        pin.style.left = `${Math.min(Math.max(c.at, PIN / 2), width - PIN / 2)}px`;
        pin.style.top = `${top - PIN - 2}px`;
        pin.append(el('span', 'ms-key', single ? esc(c.items[0].m.key) : `${c.items.length}`));
        if (single) { pin.href = c.items[0].m.link || '/milestones'; } else { pin.type = 'button'; }
        pin.setAttribute('aria-label', single ? fill(spec.words.milestone, c.items[0].m.key, c.items[0].m.title) : fill(spec.words.milestones, c.items.length));
        const card = el('span', 'ms-card');
        card.innerHTML = c.items.map(({ m }) => `<a class="ms-entry" href="${esc(m.link || '/milestones')}"><span class="ms-n">${esc(m.key)}</span>`
          + `<span class="ms-date">${esc(m.date || '')}</span>${m.act ? ` <span class="ms-act">${esc(fill(spec.words.act, m.act))}</span>` : ''}`
          + `<span class="ms-title">${esc(m.title)}</span></a>`).join('');
        if (c.at > width * 0.6) { card.classList.add('ms-card-left'); }
        pin.append(card);
        this.overlay.append(pin);
      }

      if (this.showReleases) {
        for (const r of spec.releases) {
          const at = px(r.x);
          if (!inside(at)) { continue; }
          const tick = el('span', 'rel-tick');
          Object.assign(tick.style, { left: `${at}px`, top: `${bottom - 14}px` });
          tick.title = `${r.tag} — ${r.date} (${r.repository})`;
          this.overlay.append(tick);
        }
      }
    }

    /// The visible range goes into the URL (from/to), so a link reproduces the view.
    writeRange() {
      if (!this.spec || this.spec.xAxis !== 'calendar') { return; }
      clearTimeout(this.rangeTimer);
      this.rangeTimer = setTimeout(() => {
        const [start, end] = range(this.chart);
        if (start === undefined || end === undefined) { return; }
        const url = new URL(window.location.href);
        url.searchParams.set('from', iso(start));
        url.searchParams.set('to', iso(end));
        history.replaceState(null, '', url);
        const permalink = this.figure.querySelector('.permalink');
        if (permalink && this.figure.dataset.page === url.pathname) { permalink.href = url.pathname + url.search; }
        for (const input of document.querySelectorAll('input[type=date][name=from], input[type=date][name=to]')) {
          input.value = url.searchParams.get(input.name);
        }
      }, 150);
    }
  }

  /// Scale and axis switches redraw from a new specification, without reloading the page.
  function liveSwitches(figures) {
    for (const input of document.querySelectorAll('form input[type=radio][name=scale], form input[type=radio][name=align]')) {
      input.addEventListener('change', () => {
        const url = new URL(window.location.href);
        const defaults = { scale: 'linear', align: 'calendar' };
        if (input.value === defaults[input.name]) { url.searchParams.delete(input.name); } else { url.searchParams.set(input.name, input.value); }
        history.replaceState(null, '', url);
        for (const f of figures) {
          const query = new URLSearchParams(f.query);
          if (input.name === 'align' && f.name !== 'growth') { continue; }
          if (input.value === defaults[input.name]) { query.delete(input.name); } else { query.set(input.name, input.value); }
          for (const key of ['from', 'to']) { if (url.searchParams.has(key)) { query.set(key, url.searchParams.get(key)); } }
          const text = query.toString();
          f.load(text ? `?${text}` : '');
        }
      });
    }
  }

  const figures = [...document.querySelectorAll('figure.chart[data-chart]')].map(f => new Figure(f));
  liveSwitches(figures);
  window.metricsCharts = figures;
})();
