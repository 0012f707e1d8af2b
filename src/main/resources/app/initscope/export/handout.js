/* InitScope handout: draws the embedded report as SVG. Plain JavaScript, no library, no request. */
(function () {
  'use strict';
  var reportText = document.getElementById('report-data').textContent;
  var report = JSON.parse(reportText);
  var page = JSON.parse(document.getElementById('page-data').textContent);
  var strategies = page.strategies;               // names and colours come from the app (Strategy, Palette)
  var byId = {};
  strategies.forEach(function (s, i) { s.index = i; byId[s.id] = s; });
  var results = {};
  report.results.forEach(function (r) { results[r.strategy] = r; });
  var depth = report.config.depth;
  var tensors = page.tensors;                      // z, activation and the gradient, with titles and axis labels
  var state = { strategy: byId[page.view.strategy] ? byId[page.view.strategy].index : 0,
                layer: page.view.layer, logY: page.view.logY, theory: page.view.theory };

  /* ---------- numbers, as the window prints them (render/Ticks) ---------- */
  function trimZeros(s) { return s.indexOf('.') >= 0 ? s.replace(/0+$/, '').replace(/\.$/, '') : s; }
  function label(v) {
    if (v === null || v === undefined || !isFinite(v)) { return (v === null || v === undefined || isNaN(v)) ? '–' : (v > 0 ? '∞' : '−∞'); }
    if (v === 0) { return '0'; }
    var a = Math.abs(v), s;
    if (a >= 1e-3 && a < 1e5 && Number(v.toPrecision(4)) !== 0 && Math.abs(Number(v.toPrecision(4))) < 1e5) {
      s = v.toPrecision(4);
      if (s.indexOf('e') >= 0) { s = String(Number(s)); }
      s = trimZeros(s);
    } else {
      var parts = v.toExponential(2).split('e');
      s = trimZeros(parts[0]) + 'e' + parseInt(parts[1], 10);
    }
    return s.replace(/-/g, '−');
  }
  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function pct(f) { return f === null || f === undefined ? '–' : (100 * f).toFixed(1) + '%'; }
  function count(c) { return c >= 1e6 ? trimZeros((c / 1e6).toFixed(1)) + 'M' : c >= 1e4 ? trimZeros((c / 1e3).toFixed(1)) + 'k' : String(c); }
  function nearestStep(raw) {
    var exp = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / exp;
    return (f < Math.sqrt(2) ? 1 : f < Math.sqrt(10) ? 2 : f < Math.sqrt(50) ? 5 : 10) * exp;
  }
  function ticks(lo, hi, target) {
    var span = hi - lo, out = [];
    if (!(span > 0) || !isFinite(span)) { return [lo]; }
    var step = nearestStep(span / Math.max(1, target));
    for (var t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) { out.push(Math.abs(t) < step * 1e-9 ? 0 : t); }
    return out;
  }
  function tickLabels(ts) {
    var step = Infinity, largest = 0;
    for (var i = 0; i < ts.length; i++) {
      largest = Math.max(largest, Math.abs(ts[i]));
      if (i > 0) { step = Math.min(step, Math.abs(ts[i] - ts[i - 1])); }
    }
    if (ts.length < 2 || !(step > 0) || largest >= 1e5 || step < 1e-4) { return ts.map(label); }
    var places = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    return ts.map(function (t) { return t === 0 ? '0' : t.toFixed(places).replace(/-/g, '−'); });
  }
  function niceCeiling(c) { var s = nearestStep(c / 4); return Math.max(s, Math.ceil(c / s) * s); }
  function esc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
  function erf(x) {                                  // Abramowitz and Stegun 7.1.26, |error| < 1.5e-7
    var s = x < 0 ? -1 : 1; x = Math.abs(x);
    var t = 1 / (1 + 0.3275911 * x);
    var y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
    return s * y;
  }
  function phi(x) { return 0.5 * (1 + erf(x / Math.SQRT2)); }

  function layerOf(strategyId, layer) { return results[strategyId].layers[layer - 1]; }

  /* ---------- one histogram as SVG, laid out as the window's HistogramChart ---------- */
  /**
   * opts: {w, h, compact, title, axis, stats (STATS), color, theoryVariance, note, warning, range [lo, hi] or null,
   *        who (for the text alternative)}
   */
  function histogram(o) {
    var s = o.stats, h = s.histogram, w = o.w, H = o.h;
    var lo = h.lo, hi = h.hi;
    var axisLo = o.range ? o.range[0] : lo, axisHi = o.range ? o.range[1] : hi;
    var degenerate = !(hi > lo) || lo === null || hi === null;
    if (!(axisHi > axisLo)) {
      var pad = Math.max(Math.abs(lo || 0) * 0.1, 1e-3);
      axisLo = (lo || 0) - pad; axisHi = (lo || 0) + pad;
    }
    var bins = h.counts.length, maxCount = 1, total = 0;
    for (var i = 0; i < bins; i++) { maxCount = Math.max(maxCount, h.counts[i]); total += h.counts[i]; }
    var top, svg = [];
    if (o.compact) {
      top = 22;
      svg.push('<text class="stat" x="6" y="15">std ' + esc(label(s.std)) + '   mean ' + esc(label(s.mean)) + '</text>');
    } else {
      svg.push('<text class="title" x="10" y="20">' + esc(o.title) + '</text>');
      svg.push('<text class="stat std-label" x="10" y="40">mean ' + esc(label(s.mean)) + '   std ' + esc(label(s.std)) + '</text>');
      svg.push('<text class="stat" x="10" y="57">min ' + esc(label(s.min)) + '   max ' + esc(label(s.max)) + '</text>');
      svg.push('<text class="stat" x="10" y="74">' + (s.saturatedFraction !== null && s.saturatedFraction !== undefined
        ? 'saturated ' + pct(s.saturatedFraction) + '   ' : '') + 'zeros ' + pct(s.zeroFraction) + '</text>');
      top = 86;
      if (o.note) {
        svg.push('<text class="note' + (o.warning ? ' warn' : '') + '" x="10" y="91">' + esc(o.note) + '</text>');
        top += 14;
      }
    }
    // ReLU's exact zeros can be half of all values: one bar that would flatten the rest. As the window does, scale
    // to the other bins and draw that bar broken at the top, with its count.
    var zeroBin = -1;
    if (!degenerate && !o.logY && !o.range && s.zeroFraction >= 0.2 && lo <= 0 && hi >= 0) {
      var zb = Math.min(bins - 1, Math.floor(-lo / (hi - lo) * bins)), others = 0;
      for (i = 0; i < bins; i++) { if (i !== zb) { others = Math.max(others, h.counts[i]); } }
      if (others > 0 && h.counts[zb] > 2.5 * others) { zeroBin = zb; maxCount = others; }
    }
    var left = o.compact ? 14 : 52, right = w - (o.compact ? 14 : 12), bottom = H - (o.compact ? 18 : 40);
    var plotW = right - left, plotH = bottom - top;
    var yMax = o.logY ? Math.pow(10, Math.ceil(Math.log10(maxCount + 1))) : niceCeiling(maxCount);
    function frac(c) { return o.logY ? Math.log10(1 + Math.max(0, c)) / Math.log10(1 + yMax) : c / yMax; }
    function px(x) { return left + (x - axisLo) / (axisHi - axisLo) * plotW; }
    // grid and counts
    var yt = o.logY ? [0, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7].filter(function (t) { return t <= yMax; }) : ticks(0, yMax, 4);
    yt.forEach(function (t) {
      var y = bottom - frac(t) * plotH;
      svg.push('<line class="grid" x1="' + left + '" x2="' + right + '" y1="' + y.toFixed(1) + '" y2="' + y.toFixed(1) + '"/>');
      if (!o.compact) { svg.push('<text class="tick" text-anchor="end" x="' + (left - 5) + '" y="' + (y + 4).toFixed(1) + '">' + count(t) + '</text>'); }
    });
    // bars: each with its range and count for the tooltip
    var drawn = 0;
    var width = degenerate ? 0 : (hi - lo) / bins;
    for (i = 0; i < bins; i++) {
      var c = h.counts[i];
      if (c <= 0) { continue; }
      var a = degenerate ? lo : lo + i * width, b = degenerate ? lo : lo + (i + 1) * width;
      var x0 = px(a), x1 = px(b);
      if (degenerate) { x0 = px(lo) - Math.max(2, plotW / 60); x1 = px(lo) + Math.max(2, plotW / 60); }
      var bw = Math.max(1, x1 - x0 - (x1 - x0 > 4 ? 0.6 : 0));
      var bh = i === zeroBin ? plotH : Math.max(1, frac(c) * plotH);
      var tip = (degenerate ? 'all at ' + label(lo) : '[' + label(a) + ', ' + label(b) + ')') + ': ' + thousands(c) + ' of ' + thousands(s.count);
      svg.push('<rect class="bar" fill="' + o.color + '" x="' + x0.toFixed(2) + '" y="' + (bottom - bh).toFixed(2) + '" width="' + bw.toFixed(2)
        + '" height="' + bh.toFixed(2) + '" data-tip="' + esc(tip) + '"><title>' + esc(tip) + '</title></rect>');
      drawn++;
      if (i === zeroBin) {
        var zeros = count(Math.round(s.zeroFraction * s.count)) + ' zeros';
        svg.push('<rect fill="#fff" x="' + (x0 - 1).toFixed(2) + '" y="' + (top + 8) + '" width="' + (bw + 2).toFixed(2) + '" height="4"/>');
        var rightSide = x0 + bw + 4 + zeros.length * 7 <= right;
        svg.push('<text class="tick" text-anchor="' + (rightSide ? 'start' : 'end') + '" x="' + (rightSide ? x0 + bw + 4 : x0 - 4).toFixed(1)
          + '" y="' + (top + 12) + '">' + (rightSide ? '◀ ' + zeros : zeros + ' ▶') + '</text>');
      }
    }
    // the theory's N(0, q): expected count per bin, dashed; ±σ dotted
    var q = o.theoryVariance;
    var hasTheory = q !== null && q !== undefined && isFinite(q) && q > 0;
    if (hasTheory && !degenerate) {
      var sd = Math.sqrt(q), pts = [];
      for (var k = 0; k <= 240; k++) {
        var x = axisLo + (axisHi - axisLo) * k / 240;
        var expect = total * (phi((x + width / 2) / sd) - phi((x - width / 2) / sd));
        var y = bottom - Math.min(1.05, frac(expect)) * plotH;
        pts.push(px(x).toFixed(1) + ',' + y.toFixed(1));
      }
      svg.push('<polyline class="theory" points="' + pts.join(' ') + '"><title>theory N(0, ' + esc(label(q)) + '), std ' + esc(label(sd)) + '</title></polyline>');
      [-sd, sd].forEach(function (v) {
        if (v >= axisLo && v <= axisHi) {
          svg.push('<line class="sigma" x1="' + px(v).toFixed(1) + '" x2="' + px(v).toFixed(1) + '" y1="' + top + '" y2="' + bottom + '"/>');
        }
      });
    }
    // axes
    svg.push('<line class="axis" x1="' + left + '" x2="' + right + '" y1="' + bottom + '" y2="' + bottom + '"/>');
    var xt = ticks(axisLo, axisHi, o.compact ? 3 : 5), xl = tickLabels(xt);
    xt.forEach(function (t, j) {
      var x = px(t);
      svg.push('<line class="axis" x1="' + x.toFixed(1) + '" x2="' + x.toFixed(1) + '" y1="' + bottom + '" y2="' + (bottom + 4) + '"/>');
      svg.push('<text class="tick" text-anchor="middle" x="' + x.toFixed(1) + '" y="' + (bottom + 15) + '">' + xl[j] + '</text>');
    });
    if (!o.compact) {
      svg.push('<text class="note" text-anchor="middle" x="' + ((left + right) / 2) + '" y="' + (H - 8) + '">' + esc(o.axis) + '</text>');
    }
    var off = h.underflow + h.overflow;
    if (off > 0 || s.nonFinite > 0) {
      svg.push('<text class="note warn" text-anchor="end" x="' + right + '" y="' + (top + 12) + '">'
        + (off > 0 ? off + ' off the axis ' : '') + (s.nonFinite > 0 ? s.nonFinite + ' not finite' : '') + '</text>');
    }
    var alt = (o.who ? o.who + ': ' : '') + o.title + ', ' + thousands(s.count) + ' values: mean ' + label(s.mean) + ', std ' + label(s.std)
      + ', min ' + label(s.min) + ', max ' + label(s.max) + (s.zeroFraction > 0 ? ', zeros ' + pct(s.zeroFraction) : '')
      + (s.saturatedFraction ? ', saturated ' + pct(s.saturatedFraction) : '')
      + (hasTheory ? '; theory std ' + label(Math.sqrt(q)) : '') + (o.note && !hasTheory ? '; ' + o.note : '');
    return { svg: '<svg viewBox="0 0 ' + w + ' ' + H + '" role="img" aria-label="' + esc(alt) + '" data-bars="' + drawn + '">'
      + svg.join('') + '</svg>', alt: alt };
  }

  /** What the window notes under a histogram's statistics (render/Plots.data). */
  function note(kind, l) {
    if (kind === 'z') {
      return state.theory && l.theory.stdZ !== null ? { text: 'theory std ' + label(l.theory.stdZ) + ' (dashed, ±σ dotted)', warn: false } : null;
    }
    if (kind === 'activation') {
      return l.distinctUnits === 1 ? { text: '⚠ all ' + l.fanOut + ' units identical (symmetry)', warn: true } : null;
    }
    return { text: 'distinct units ' + l.distinctUnits + ' / ' + l.fanOut, warn: l.distinctUnits === 1 };
  }

  function figure(chart, caption, id) {
    return '<figure' + (id ? ' id="' + id + '"' : '') + '>' + chart.svg + (caption ? '<figcaption>' + esc(caption) + '</figcaption>' : '') + '</figure>';
  }

  /* ---------- the views ---------- */
  function current() { return strategies[state.strategy]; }

  function drawSingle() {
    var s = current(), l = layerOf(s.id, state.layer);
    document.getElementById('single-title').textContent = 'Single view: ' + s.name + ' (' + s.formula + '), layer ' + state.layer + ' of ' + depth;
    document.getElementById('single-charts').innerHTML = tensors.map(function (t, i) {
      var n = note(t.id, l), st = l[t.id];
      var c = histogram({ w: 440, h: 330, title: t.title, axis: t.axis, stats: st, color: s.color, logY: state.logY,
        theoryVariance: t.id === 'z' && state.theory ? l.theory.varianceZ : null, note: n && n.text, warning: n && n.warn,
        who: s.name + ', layer ' + state.layer });
      return figure(c, c.alt, 'single-' + ['z', 'a', 'g'][i]);
    }).join('');
  }

  function drawExplain() {
    var s = current(), e = page.explain[s.id][state.layer - 1];
    document.getElementById('explain-title').textContent = 'Explain: ' + s.name + ', layer ' + state.layer;
    document.getElementById('explain-text').innerHTML = explainHtml(e);
  }

  function explainHtml(e) {
    return '<p class="headline">' + esc(e.headline) + '</p>' + e.paragraphs.map(function (p) {
      return '<h3>' + esc(p.heading) + '</h3><p>' + esc(p.text) + '</p>';
    }).join('');
  }

  function drawExplainAll() {
    document.getElementById('explain-all').innerHTML = '<h2>Explain, layer ' + state.layer + '</h2>' + strategies.map(function (s) {
      return '<article><h3>' + esc(s.name) + ' (' + esc(s.formula) + ')</h3>' + explainHtml(page.explain[s.id][state.layer - 1]) + '</article>';
    }).join('');
  }

  function union(kind) {
    var lo = Infinity, hi = -Infinity;
    strategies.forEach(function (s) {
      var h = layerOf(s.id, state.layer)[kind].histogram;
      if (h.lo !== null && h.hi !== null && isFinite(h.lo) && isFinite(h.hi)) { lo = Math.min(lo, h.lo); hi = Math.max(hi, h.hi); }
    });
    return lo <= hi ? [lo, hi] : null;
  }

  function drawCompare() {
    var cells = ['<div></div>'];
    tensors.forEach(function (t) { cells.push('<div class="colhead">' + esc(t.title) + '<br><span class="hint">shared x-axis</span></div>'); });
    var ranges = tensors.map(function (t) { return union(t.id); });
    strategies.forEach(function (s, i) {
      var l = layerOf(s.id, state.layer);
      cells.push('<div class="rowhead' + (i === state.strategy ? ' chosen' : '') + '" data-index="' + i + '"><span class="swatch" style="background:'
        + s.color + '"></span>' + esc(s.name) + '</div>');
      tensors.forEach(function (t, j) {
        var c = histogram({ w: 360, h: 150, compact: true, title: t.title, axis: t.axis, stats: l[t.id], color: s.color,
          logY: state.logY, theoryVariance: null, range: ranges[j], who: s.name + ', layer ' + state.layer });
        cells.push(figure(c, null));
      });
    });
    document.getElementById('compare-title').textContent = 'Compare: every strategy, layer ' + state.layer;
    var grid = document.getElementById('compare-grid');
    grid.innerHTML = cells.join('');
    Array.prototype.forEach.call(grid.querySelectorAll('.rowhead'), function (el) {
      el.addEventListener('click', function () { pick(Number(el.getAttribute('data-index'))); });
    });
  }

  /** A line chart of one statistic by layer, one line per strategy, on a log y-axis (render/LayerLines). */
  function layerLines(title, kind) {
    var w = 620, H = 320, left = 62, right = w - 16, bottom = H - 40;
    // the legend: one row of names to the right of the title, wrapping; the plot starts below it
    var legend = [], lx = 230, ly = 19;
    strategies.forEach(function (s) {
      var itemW = 22 + 6.5 * s.name.length;
      if (lx + itemW > right && lx > 230) { lx = 230; ly += 15; }
      legend.push('<rect x="' + lx + '" y="' + (ly - 9) + '" width="10" height="10" fill="' + s.color + '"/>'
        + '<text class="tick" x="' + (lx + 14) + '" y="' + ly + '">' + esc(s.name) + '</text>');
      lx += itemW;
    });
    var top = Math.max(34, ly + 16);
    var lo = Infinity, hi = -Infinity;
    strategies.forEach(function (s) {
      results[s.id].layers.forEach(function (l) {
        var v = l[kind].std;
        if (v !== null && v > 0 && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      });
    });
    if (!(lo <= hi)) { lo = 1; hi = 10; }
    var eLo = Math.floor(Math.log10(lo)), eHi = Math.ceil(Math.log10(hi));
    if (eHi === eLo) { eHi++; }
    function py(v) { return bottom - (Math.log10(v) - eLo) / (eHi - eLo) * (bottom - top); }
    function px(layer) { return depth === 1 ? (left + right) / 2 : left + 12 + (layer - 1) / (depth - 1) * (right - left - 24); }
    var svg = ['<text class="title" x="8" y="20">' + esc(title) + '</text>'];
    var every = Math.max(1, Math.ceil((eHi - eLo) / 8));
    for (var e = eLo; e <= eHi; e += every) {
      var y = py(Math.pow(10, e));
      svg.push('<line class="grid" x1="' + left + '" x2="' + right + '" y1="' + y.toFixed(1) + '" y2="' + y.toFixed(1) + '"/>');
      svg.push('<text class="tick" text-anchor="end" x="' + (left - 5) + '" y="' + (y + 4).toFixed(1) + '">' + label(Math.pow(10, e)) + '</text>');
    }
    var step = Math.max(1, Math.ceil(depth / 12));
    for (var k = 1; k <= depth; k += step) {
      svg.push('<text class="tick" text-anchor="middle" x="' + px(k).toFixed(1) + '" y="' + (bottom + 15) + '">' + k + '</text>');
    }
    svg.push('<line class="axis" x1="' + left + '" x2="' + right + '" y1="' + bottom + '" y2="' + bottom + '"/>');
    svg.push('<line class="axis" x1="' + left + '" x2="' + left + '" y1="' + top + '" y2="' + bottom + '"/>');
    svg.push('<text class="note" text-anchor="middle" x="' + ((left + right) / 2) + '" y="' + (H - 8) + '">layer</text>');
    if (depth > 1) {                                  // the layer the other views show
      svg.push('<line class="sigma" x1="' + px(state.layer).toFixed(1) + '" x2="' + px(state.layer).toFixed(1) + '" y1="' + top + '" y2="' + bottom + '"/>');
    }
    var alt = [];
    strategies.forEach(function (s, si) {
      var pts = [], marks = [], values = [];
      results[s.id].layers.forEach(function (l, i) {
        var v = l[kind].std, x = px(i + 1), ok = v !== null && v > 0 && isFinite(v);
        var y = ok ? py(v) : bottom;
        values.push(label(v));
        if (ok) { pts.push(x.toFixed(1) + ',' + y.toFixed(1)); }
        var tip = s.name + ', layer ' + (i + 1) + ': std ' + label(v) + (ok ? '' : ' (not on a log axis)');
        marks.push('<circle class="pt" cx="' + x.toFixed(1) + '" cy="' + y.toFixed(1) + '" r="' + (si === state.strategy ? 4.5 : 3.5) + '" fill="'
          + (ok ? s.color : '#fff') + '" stroke="' + s.color + '" stroke-width="1.5" data-tip="' + esc(tip) + '"><title>' + esc(tip) + '</title></circle>');
      });
      if (pts.length > 1) {
        svg.push('<polyline fill="none" stroke="' + s.color + '" stroke-width="' + (si === state.strategy ? 3 : 1.8) + '" points="' + pts.join(' ') + '"/>');
      }
      svg.push(marks.join(''));
      alt.push(s.name + ' ' + values.join(', '));
    });
    svg.push(legend.join(''));
    var text = title + ' (log scale; a std of 0 sits on the bottom edge): ' + alt.join('; ');
    return { svg: '<svg viewBox="0 0 ' + w + ' ' + H + '" role="img" aria-label="' + esc(text) + '">' + svg.join('') + '</svg>', alt: text };
  }

  function drawDepth() {
    document.getElementById('depth-charts').innerHTML = [tensors[1], tensors[2]].map(function (t) {
      var c = layerLines('std ' + t.symbol + ' by layer', t.id);
      return figure(c, c.alt);
    }).join('');
  }

  /* ---------- controls: the picker, the keys, the layer slider ---------- */
  var picker = document.getElementById('picker');
  strategies.forEach(function (s, i) {
    var b = document.createElement('button');
    b.type = 'button';
    b.id = 'pick-' + s.id;
    b.title = s.formula + (i < 9 ? ' (key ' + (i + 1) + ')' : '');
    b.innerHTML = '<span class="swatch" style="background:' + s.color + '"></span>' + esc(s.name) + (i < 9 ? ' <kbd>' + (i + 1) + '</kbd>' : '');
    b.addEventListener('click', function () { pick(i); });
    picker.appendChild(b);
  });
  var slider = document.getElementById('layer');
  slider.max = String(depth);
  slider.value = String(state.layer);
  slider.disabled = depth === 1;
  slider.addEventListener('input', function () { state.layer = Number(slider.value); draw(); });

  function pick(i) {
    if (i >= 0 && i < strategies.length && i !== state.strategy) { state.strategy = i; draw(); }
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    var inField = t && t.tagName === 'INPUT';           // the sliders keep their own arrow keys
    if (/^[1-9]$/.test(e.key)) {
      pick(Number(e.key) - 1);
      e.preventDefault();
    } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !inField) {
      var n = strategies.length;
      pick(((state.strategy + (e.key === 'ArrowLeft' ? -1 : 1)) % n + n) % n);
      e.preventDefault();
    }
  });

  /* ---------- the tooltip of bars and points ---------- */
  var tip = document.getElementById('tip');
  document.addEventListener('mousemove', function (e) {
    var t = e.target && e.target.getAttribute ? e.target.getAttribute('data-tip') : null;
    if (!t) { tip.hidden = true; return; }
    tip.textContent = t;
    tip.hidden = false;
    var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 4);
    tip.style.left = x + 'px';
    tip.style.top = (e.clientY + 16) + 'px';
  });

  /* ---------- the page's text ---------- */
  document.title = page.title;
  document.getElementById('title').textContent = page.title;
  document.getElementById('description').textContent = page.description || '';
  document.getElementById('caption').textContent = page.caption;
  document.getElementById('version').textContent = 'Written by InitScope ' + page.version + '. The data is the JSON of '
    + '“initscope run --format json” for this config; the theory is the mean-field recursion q₁ = fan_in·Var(w)·E[x²], '
    + 'q₍ₗ₊₁₎ = width·Var(w)·E[φ(z)²].';
  var rows = document.querySelector('#config tbody');
  rows.innerHTML = page.config.map(function (c) {
    return '<tr><th scope="row">' + esc(c.label) + '</th><td>' + esc(c.value) + '</td></tr>';
  }).join('');
  var download = document.getElementById('download');
  download.setAttribute('download', page.dataFile);
  try {
    download.href = URL.createObjectURL(new Blob([reportText], { type: 'application/json' }));
  } catch (err) {
    download.href = 'data:application/json;charset=utf-8,' + encodeURIComponent(reportText);
  }
  var configBox = document.getElementById('config-box');
  window.addEventListener('beforeprint', function () { configBox.open = true; });

  function draw() {
    Array.prototype.forEach.call(picker.children, function (b, i) { b.setAttribute('aria-pressed', String(i === state.strategy)); });
    slider.value = String(state.layer);
    document.getElementById('layer-label').textContent = state.layer + ' of ' + depth;
    drawSingle();
    drawExplain();
    drawCompare();
    drawDepth();
    drawExplainAll();
    if (window.handoutTrain) { window.handoutTrain.draw(state); }
  }

  /* ---------- the phase diagram, when the preset opened on the Phase tab: the window's own picture ---------- */
  if (page.phase) {
    var phase = document.getElementById('phase');
    phase.hidden = false;
    var img = document.createElement('img');
    img.src = page.phase.image;
    img.alt = page.phase.alt;
    img.width = page.phase.width;
    img.height = page.phase.height;
    var fig = document.createElement('figure');
    var cap = document.createElement('figcaption');
    cap.textContent = page.phase.alt;
    fig.appendChild(img);
    fig.appendChild(cap);
    phase.appendChild(fig);
  }

  /* ---------- training, when the preset had a "train" object ---------- */
  if (page.train) {
    window.handoutTrain = trainView(page.train);
  }

  function trainView(train) {
    var section = document.getElementById('train');
    section.hidden = false;
    var runs = train.results.filter(function (r) { return byId[r.strategy]; });
    var maxStep = 0;
    runs.forEach(function (r) { r.steps.forEach(function (s) { maxStep = Math.max(maxStep, s.step); }); });
    var evalSteps = [];
    runs.forEach(function (r) { (r.evals || []).forEach(function (e) { if (evalSteps.indexOf(e.step) < 0) { evalSteps.push(e.step); } }); });
    evalSteps.sort(function (a, b) { return a - b; });
    var step = document.getElementById('step');
    step.max = String(Math.max(0, evalSteps.length - 1));
    step.value = '0';
    step.addEventListener('input', function () { drawTrain(); });
    function series(title, pick, log, guide) {
      var w = 520, H = 300, left = 58, right = w - 14, top = 34, bottom = H - 40;
      var lo = Infinity, hi = -Infinity;
      var lines = runs.map(function (r) {
        var pts = pick(r).filter(function (p) { return p[1] !== null && isFinite(p[1]) && (!log || p[1] > 0); });
        pts.forEach(function (p) { lo = Math.min(lo, p[1]); hi = Math.max(hi, p[1]); });
        return { s: byId[r.strategy], pts: pts };
      });
      if (guide !== undefined) { lo = Math.min(lo, guide); hi = Math.max(hi, guide); }
      if (!(lo <= hi)) { lo = log ? 0.1 : 0; hi = 1; }
      var f = log ? function (v) { return Math.log10(v); } : function (v) { return v; };
      var fLo = log ? Math.floor(f(lo)) : (guide !== undefined ? Math.floor(lo) : Math.min(0, lo)), fHi = log ? Math.ceil(f(hi)) : (hi > fLo ? hi : fLo + 1);
      if (fHi === fLo) { fHi = fLo + 1; }
      function px(x) { return left + x / Math.max(1, maxStep) * (right - left); }
      function py(v) { return bottom - (f(v) - fLo) / (fHi - fLo) * (bottom - top); }
      var svg = ['<text class="title" x="8" y="20">' + esc(title) + '</text>'];
      var yt = log ? [] : ticks(fLo, fHi, 4);
      if (log) { for (var e = fLo; e <= fHi; e++) { yt.push(Math.pow(10, e)); } }
      var yl = log ? yt.map(label) : tickLabels(yt);
      yt.forEach(function (t, i) {
        var y = py(t);
        svg.push('<line class="grid" x1="' + left + '" x2="' + right + '" y1="' + y.toFixed(1) + '" y2="' + y.toFixed(1) + '"/>');
        svg.push('<text class="tick" text-anchor="end" x="' + (left - 5) + '" y="' + (y + 4).toFixed(1) + '">' + yl[i] + '</text>');
      });
      ticks(0, maxStep, 5).forEach(function (t) {
        svg.push('<text class="tick" text-anchor="middle" x="' + px(t).toFixed(1) + '" y="' + (bottom + 15) + '">' + t + '</text>');
      });
      svg.push('<line class="axis" x1="' + left + '" x2="' + right + '" y1="' + bottom + '" y2="' + bottom + '"/>');
      svg.push('<text class="note" text-anchor="middle" x="' + ((left + right) / 2) + '" y="' + (H - 8) + '">step</text>');
      if (guide !== undefined) {
        svg.push('<line class="sigma" x1="' + left + '" x2="' + right + '" y1="' + py(guide).toFixed(1) + '" y2="' + py(guide).toFixed(1)
          + '"/><text class="tick" x="' + (left + 4) + '" y="' + (py(guide) - 4).toFixed(1) + '">' + esc(label(Math.pow(10, guide))) + ', the rule of thumb</text>');
      }
      var cur = evalSteps[Number(step.value)] || 0;
      svg.push('<line class="sigma" x1="' + px(cur).toFixed(1) + '" x2="' + px(cur).toFixed(1) + '" y1="' + top + '" y2="' + bottom + '"/>');
      var alt = [];
      lines.forEach(function (l) {
        var every = Math.max(1, Math.floor(l.pts.length / 400));
        var p = l.pts.filter(function (q, i) { return i % every === 0 || i === l.pts.length - 1; })
          .map(function (q) { return px(q[0]).toFixed(1) + ',' + py(q[1]).toFixed(1); });
        svg.push('<polyline fill="none" stroke="' + l.s.color + '" stroke-width="1.8" points="' + p.join(' ') + '"/>');
        var last = l.pts[l.pts.length - 1];
        alt.push(l.s.name + (last ? ' ends at ' + label(last[1]) + ' (step ' + last[0] + ')' : ' has none'));
      });
      var text = title + ': ' + alt.join('; ');
      return figure({ svg: '<svg viewBox="0 0 ' + w + ' ' + H + '" role="img" aria-label="' + esc(text) + '">' + svg.join('') + '</svg>' }, text);
    }
    function drawTrain(st) {
      st = st || state;
      var cur = evalSteps[Number(step.value)];
      document.getElementById('step-label').textContent = cur === undefined ? 'none' : String(cur);
      var charts = [series('Loss', function (r) { return r.steps.map(function (s) { return [s.step, s.loss]; }); }, true)];
      var acc = runs.some(function (r) { return (r.evals || []).some(function (e) { return e.testAccuracy !== undefined; }); });
      if (acc) {
        charts.push(series('Test accuracy', function (r) { return (r.evals || []).map(function (e) { return [e.step, e.testAccuracy]; }); }, false));
      }
      charts.push(series('log₁₀ update:data, layer ' + st.layer, function (r) {
        return r.steps.filter(function (s) { return s.update.length >= st.layer; })
          .map(function (s) { return [s.step, s.update[st.layer - 1]]; });
      }, false, -3));
      document.getElementById('train-charts').innerHTML = charts.join('');
      var s = strategies[st.strategy], run = runs.filter(function (r) { return r.strategy === s.id; })[0];
      var ev = run && (run.evals || []).filter(function (e) { return e.step === cur; })[0];
      var l = ev && ev.layers && ev.layers[st.layer - 1];
      document.getElementById('train-histograms').innerHTML = !l ? '' : ['z', 'activation', 'delta'].filter(function (k) { return l[k]; }).map(function (k) {
        var t = tensors.filter(function (x) { return x.id === k; })[0] || { title: k, axis: k };
        var c = histogram({ w: 440, h: 330, title: t.title + ' at step ' + cur, axis: t.axis, stats: l[k], color: s.color, logY: state.logY,
          theoryVariance: null, who: s.name + ', layer ' + st.layer + ', step ' + cur });
        return figure(c, c.alt);
      }).join('');
    }
    return { draw: drawTrain };
  }

  draw();
  // a link to a section (handout.html#compare) lands there once it is drawn
  var target = location.hash.length > 1 && location.hash !== '#selftest' ? document.getElementById(location.hash.slice(1)) : null;
  if (target) { target.scrollIntoView(); }

  /* ---------- #selftest: once everything (the phase picture too) has loaded, press the keys and report what was
     drawn, for the browser test to read back ---------- */
  if (location.hash === '#selftest') {
    window.addEventListener('load', selftest);
  }

  function selftest() {
    var out = { problems: null, resources: [], steps: [] };
    function snapshot(what) {
      var z = document.querySelector('#single-z svg');
      var std = document.querySelector('#single-z .std-label');
      out.steps.push({ after: what, strategy: current().id, layer: state.layer,
        title: document.getElementById('single-title').textContent, bars: z ? Number(z.getAttribute('data-bars')) : 0,
        std: std ? std.textContent : null, svg: z ? z.innerHTML.length : 0,
        pressed: (document.querySelector('#picker [aria-pressed="true"]') || {}).id || null,
        layerLabel: document.getElementById('layer-label').textContent,
        explain: document.querySelector('#explain-text .headline').textContent });
    }
    function key(k) { document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })); }
    snapshot('load');
    key('2');
    snapshot('key 2');
    key('ArrowRight');
    snapshot('key ArrowRight');
    key('ArrowLeft');
    snapshot('key ArrowLeft');
    key('1');
    snapshot('key 1');
    document.getElementById('pick-' + strategies[Math.min(1, strategies.length - 1)].id).click();
    snapshot('click the second strategy');
    if (depth > 1) {
      slider.value = String(depth);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      snapshot('layer slider to ' + depth);
    }
    if (page.train) {
      var stepSlider = document.getElementById('step');
      var trainTitle = function () {
        var t = document.querySelector('#train-histograms .title');
        return t ? t.textContent : null;
      };
      out.train = { charts: document.querySelectorAll('#train-charts svg').length, before: trainTitle() };
      stepSlider.value = stepSlider.max;
      stepSlider.dispatchEvent(new Event('input', { bubbles: true }));
      out.train.after = trainTitle();
      out.train.step = document.getElementById('step-label').textContent;
    }
    out.phase = page.phase ? (document.querySelector('#phase img') || {}).naturalWidth || 0 : null;
    out.resources = performance.getEntriesByType('resource').map(function (r) { return r.name; });
    out.problems = window.handoutProblems.slice();
    var pre = document.getElementById('selftest');
    pre.textContent = JSON.stringify(out);
  }
})();
